"""The layout of a ``.rdesk`` file, its numbered migration steps, and a header check.

A draft is an SQLite database used as an application file format.  ``PRAGMA
application_id`` marks it as a ReportDesk draft; ``PRAGMA user_version`` is the schema
version.  Each entry of :data:`MIGRATIONS` takes a file from version *n* to *n + 1* and
runs inside the same transaction as the version bump, so a crash mid-migration leaves
the old version intact.  A file with a version above :data:`SCHEMA_VERSION` was written
by a newer ReportDesk and is refused before anything is written to it.

Tables (version 2):

``draft_info``        key/value facts about the file: form id and version, creation time,
                      the version of ReportDesk that made it, notes from the import.
``meta``              agency, year, rulemaking_power and the ``META_FIELDS`` (JSON values).
``cells``             the *input* cells that are not blank: value as text, and its origin.
``texts``             section texts (and the preamble).
``accepted_warnings`` a warning the clerk has accepted, with the reason given.
``previous_report``   last year's report as interchange JSON (one row), for cross-year rules.
``revisions``         one row per saved change: number, time, description.
``changes``           what each revision changed, as (kind, key, old, new) rows; the state at
                      revision *n* is the replay of the changes of revisions 1..n.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path

from reportdesk.core.records import record
from reportdesk.storage.errors import DraftError

log = logging.getLogger(__name__)

#: "RDsk" — identifies a ReportDesk draft in the SQLite header (offset 68).
APPLICATION_ID = int.from_bytes(b"RDsk", "big")
SCHEMA_VERSION = 2
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".rdesk"


#: Each step is a list of SQL statements, run one by one inside one transaction
#: (``executescript`` would commit early, so it is not used).
_STEP_1 = (
    "CREATE TABLE draft_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE cells (
        cell_id TEXT PRIMARY KEY,
        value   TEXT NOT NULL,
        origin  TEXT NOT NULL CHECK (origin IN ('typed', 'pasted', 'imported', 'carried')))""",
    "CREATE TABLE texts (key TEXT PRIMARY KEY, text TEXT NOT NULL)",
    """CREATE TABLE revisions (
        number      INTEGER PRIMARY KEY,
        timestamp   TEXT NOT NULL,
        description TEXT NOT NULL)""",
    """CREATE TABLE changes (
        revision   INTEGER NOT NULL REFERENCES revisions(number),
        seq        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        key        TEXT NOT NULL,
        old        TEXT,
        new        TEXT,
        old_origin TEXT,
        new_origin TEXT,
        PRIMARY KEY (revision, seq)) WITHOUT ROWID""",
)

#: Version 2: accepted warnings and last year's report (for the text-of-report and cross-year checks).
_STEP_2 = (
    """CREATE TABLE accepted_warnings (
        key         TEXT PRIMARY KEY,
        reason      TEXT NOT NULL,
        accepted_at TEXT NOT NULL)""",
    "CREATE TABLE previous_report (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)",
)


#: MIGRATIONS[n] takes a file from user_version n to n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_STEP_1, _STEP_2)
assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring *db* (in autocommit mode) up to *target*; returns the version it had."""
    start = db.execute("PRAGMA user_version").fetchone()[0]
    if start > SCHEMA_VERSION:
        raise DraftError(future_message(start), "future_version")
    for version in range(start, target):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        log.info("draft schema migrated from %d to %d", version, version + 1)
    return int(start)


def future_message(version: int) -> str:
    return (
        f"这个草稿由更新版本的 ReportDesk 保存（文件格式第 {version} 版，本程序只支持到第 {SCHEMA_VERSION} 版）。"
        "为避免损坏，本程序不会打开它。请升级 ReportDesk 后再打开。"
    )


@record
class HeaderInfo:
    size: int
    page_size: int
    user_version: int
    hot_journal: bool  # a non-empty journal lies beside the draft (a crash's, a live writer's or a stranger's)
    wal: bool = False  # the header says WAL mode (set by another tool): read from a private copy


def inspect_header(path: Path) -> HeaderInfo:
    """Check the first 100 bytes of *path* without SQLite; raise :class:`DraftError` when it is no draft.

    Reading the header ourselves means a zero-length file, random bytes or another
    program's database is never handed to SQLite in read-write mode, where SQLite would
    happily turn an empty file into a database.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            kind = "命名管道（FIFO）" if stat.S_ISFIFO(info.st_mode) else "设备、套接字或其他特殊文件"
            raise DraftError(f"“{path.name}”是一个{kind}，不是草稿文件，无法打开。", "not_a_draft")
        size = info.st_size
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            header = f.read(100)
    except FileNotFoundError as exc:
        raise DraftError(f"找不到草稿文件 {path}。", "io") from exc
    except IsADirectoryError as exc:
        raise DraftError(f"{path} 是一个文件夹，不是草稿文件。", "io") from exc
    except PermissionError as exc:
        raise DraftError(f"没有权限读取 {path}，请检查文件权限。", "io") from exc
    except OSError as exc:
        from reportdesk.storage.errors import os_reason

        raise DraftError(f"无法读取 {path}：{os_reason(exc)}", "io") from exc
    if size == 0:
        raise DraftError(
            "草稿文件是空的（0 字节），其中没有任何内容。原文件未作改动；"
            "请查找该草稿的其他副本，或在“最近的草稿”中打开其他草稿。",
            "damaged",
        )
    if not header.startswith(SQLITE_MAGIC[: min(len(header), 16)]) or len(header) < 16:
        raise DraftError(
            "这个文件不是 ReportDesk 草稿（.rdesk），也不是 SQLite 数据库，无法打开。原文件未作改动。",
            "not_a_draft",
        )
    if len(header) < 100:
        raise DraftError(
            f"草稿文件不完整（只有 {size} 字节），无法打开。原文件未作改动；"
            "可用“reportdesk recover”尝试恢复其中的内容。",
            "damaged",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    app_id = int.from_bytes(header[68:72], "big")
    user_version = int.from_bytes(header[60:64], "big")
    if app_id != APPLICATION_ID:
        raise DraftError(
            "这是其他程序的 SQLite 数据库，不是 ReportDesk 草稿（.rdesk），无法打开。原文件未作改动。",
            "not_a_draft",
        )
    if user_version > SCHEMA_VERSION:
        raise DraftError(future_message(user_version), "future_version")
    try:  # the journal of a live writer comes and goes: never stat() after exists()
        hot = path.with_name(path.name + "-journal").stat().st_size > 0
    except OSError:
        hot = False
    wal = header[18] == 2 or header[19] == 2
    if not hot and not wal and page_size >= 512:
        change_counter = header[24:28]
        valid_for = header[92:96]
        page_count = int.from_bytes(header[28:32], "big")
        expected = page_count * page_size
        if (change_counter == valid_for and size < expected) or size % page_size:
            raise DraftError(
                f"草稿文件不完整：应有 {max(expected, size)} 字节，实际只有 {size} 字节"
                "（可能复制或保存时中断）。原文件未作改动；可用“reportdesk recover 草稿 -o 新文件.rdesk”恢复能读出的内容。",
                "damaged",
            )
    return HeaderInfo(size=size, page_size=page_size, user_version=user_version, hot_journal=hot, wal=wal)
