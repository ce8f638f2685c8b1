"""The installed report formats, each checked, as ``reportdesk forms`` (and the app) list them."""

from __future__ import annotations

import logging
from pathlib import Path

from reportdesk.core.catalog import UnknownFormError, available_forms, get_form
from reportdesk.core.records import record
from reportdesk.places import user_forms_dir

log = logging.getLogger(__name__)

__all__ = ["FormListing", "first_year", "installed_forms", "newest_basis", "user_forms_dir"]

LAST_YEAR = 2100  # as the interchange format accepts


@record
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


def first_year() -> int:
    """The first report year any installed form applies to (a report of an earlier year has no form here)."""
    years = [e.valid_from_year for e in available_forms() if not e.problem]
    return min(years) if years else LAST_YEAR


def newest_basis() -> str:
    """The basis of the newest installed form ("国办公开办函〔2021〕30号"), for the start page."""
    usable = [e for e in available_forms() if not e.problem]
    return max(usable, key=lambda e: e.valid_from_year).basis if usable else ""


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
