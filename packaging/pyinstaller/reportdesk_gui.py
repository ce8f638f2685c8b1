"""Frozen entry point of ``reportdesk-gui`` (windowed, no console): the desktop app."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The import and 审阅 workers re-run this executable under spawn (Windows).
    multiprocessing.freeze_support()
    from reportdesk.gui import main

    sys.exit(main())
