"""Frozen entry point of ``reportdesk`` (console): the command line."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A worker started by spawn (Windows; REPORTDESK_START_METHOD=spawn) re-runs this
    # executable: freeze_support() turns that run into the worker.
    multiprocessing.freeze_support()
    from reportdesk.cli import main

    sys.exit(main())
