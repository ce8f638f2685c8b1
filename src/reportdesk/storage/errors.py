"""The typed error every draft operation raises: a code for programs, a message for people."""

from __future__ import annotations

import logging
from typing import Literal

log = logging.getLogger(__name__)

ErrorCode = Literal["locked", "damaged", "future_version", "not_a_draft", "io", "readonly"]


class DraftError(Exception):
    """A draft cannot be opened, read or written.  ``message`` is Chinese and says what to do."""

    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.message = message
        self.code: ErrorCode = code
