"""`python -m aspire_tui` runs the `aspire` command."""

import sys

from .cli import main

sys.exit(main())
