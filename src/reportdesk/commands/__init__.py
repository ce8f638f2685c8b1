"""Sub-commands of the ``reportdesk`` command line, one module each."""
