"""Regular expressions compiled on first use, so that importing the text rules costs nothing.

The app imports the text rules on its start-up path; compiling their patterns there would
delay the first window for checks that have not run yet.  A :class:`LazyPattern` has the
methods of a compiled pattern that the rules use and compiles itself once, when first used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportdesk.core.pattern_cache import compile_pattern


class LazyPattern:
    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos)

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)


_MADE: list[LazyPattern] = []


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    made = LazyPattern(pattern, flags)
    _MADE.append(made)
    return made


def compile_all() -> None:
    """Compile every pattern made so far (a worker process does it before its first file)."""
    for made in _MADE:
        made.compiled  # noqa: B018  (the property compiles)
