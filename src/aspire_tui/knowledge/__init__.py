"""The coach's knowledge as data: one TOML file per area of the answer a coach listens to.
`aspire_tui.scorers.lexicon` reads and composes them; see CONTRIBUTING.md for the format."""
