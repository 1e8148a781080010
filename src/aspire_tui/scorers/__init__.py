"""The four built-in scorers. Each is a plugin like any installed one: it registers through
the `aspire_scorers` hook and is listed, weighted and disabled the same way."""
