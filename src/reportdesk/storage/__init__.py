"""Drafts: one crash-safe SQLite file (``.rdesk``) per report, with its history.

stdlib only (``sqlite3``); no Qt, no office libraries.  The session API in
:mod:`reportdesk.app.session` is built on top of this package.
"""

from reportdesk.storage.errors import DraftError

__all__ = ["DraftError"]
