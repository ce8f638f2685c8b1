"""What a reader of a .docx/.xlsx found about a report's layout, for the whole-document rules.

A draft or a JSON file has no layout of its own: its headings are the form's and its
tables are all there, which is what ``structure=None`` means to the rules.  The importer
fills a :class:`DocumentStructure` with the headings, title, tables and table labels it
actually met, so that the rules ``headings``, ``missing_table``, ``label`` and
``old_format`` can judge them.
"""

from __future__ import annotations

import logging

from reportdesk.core.records import record

log = logging.getLogger(__name__)


@record
class LabelFound:
    """A table label as found in a file, beside the official label it stands for.

    ``official`` is ``None`` when the found label has no counterpart in the 2021 form
    (e.g. a 2019-format row such as "其他对外管理服务事项").
    """

    table: str  # "proactive", "requests" or "appeals"
    found: str
    official: str | None


@record
class DocumentStructure:
    title: str | None = None  # the report's title as found ("某某局2022年政府信息公开工作年度报告")
    headings: tuple[str, ...] | None = None  # level-1 headings in document order; None: the form's own
    tables: frozenset[str] | None = None  # ids of the tables found; None: all present
    labels: tuple[LabelFound, ...] = ()
    old_format_signs: tuple[str, ...] = ()  # other signs of the 2019 format, described in Chinese
