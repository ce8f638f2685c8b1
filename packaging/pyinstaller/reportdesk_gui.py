"""Frozen entry point of ``reportdesk-gui`` (windowed, no console): the desktop app."""

import sys

from reportdesk.gui import main

sys.exit(main())
