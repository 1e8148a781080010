"""The full-screen Textual app. Only `aspire` with no subcommand imports this package."""
