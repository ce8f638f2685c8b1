"""Frozen entry point of ``reportdesk`` (console): the command line."""

import sys

from reportdesk.cli import main

sys.exit(main())
