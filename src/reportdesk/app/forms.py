"""The installed report formats, each checked, as ``reportdesk forms`` (and the app) list them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from reportdesk.core.catalog import UnknownFormError, available_forms, get_form
from reportdesk.places import user_forms_dir

log = logging.getLogger(__name__)

__all__ = ["FormListing", "installed_forms", "user_forms_dir"]


@dataclass(frozen=True, slots=True)
class FormListing:
    id: str
    title: str
    basis: str
    valid_from_year: int
    valid_to_year: int | None
    years: str  # "2021 年起"
    origin: str  # 程序自带 / 用户安装
    path: Path
    problem: str  # why it is not used; "" when it is


def installed_forms() -> list[FormListing]:
    """Every form file found, loaded and checked: a broken one says why it is not used."""
    listing: list[FormListing] = []
    for entry in available_forms():
        problem = entry.problem
        if not problem:
            try:
                get_form(entry.id)
            except UnknownFormError as exc:
                cause = exc.__cause__
                problem = str(cause) if cause is not None else str(exc)
        listing.append(FormListing(entry.id, entry.title, entry.basis, entry.valid_from_year, entry.valid_to_year,
                                   entry.years, entry.origin, entry.path, problem))
    return listing
