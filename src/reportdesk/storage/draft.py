"""The draft file itself: opening, locking, reading, and writing one revision at a time.

Journal mode: **rollback journal (``DELETE``), not WAL.**  A draft is a document the
clerk copies to a USB stick, mails to a colleague or keeps on a network share:

* with WAL, recent commits live in ``报告.rdesk-wal`` until a checkpoint, so copying only
  the ``.rdesk`` while ReportDesk runs (or after a crash) silently loses them; in
  rollback mode the ``.rdesk`` alone is always the last committed state, and the
  ``-journal`` exists only for the milliseconds of a write;
* WAL needs shared memory and does not work on network folders, where drafts do live;
* WAL's advantage, readers not blocking the writer, does not matter with one writer
  (enforced by :mod:`reportdesk.storage.lock`) and readers that take milliseconds.

``synchronous = FULL``: the journal and then the database are fsynced at every commit,
so a power cut loses at most the transaction that was being committed, and never
damages an earlier one.  A cell edit is one small transaction (see
benchmarks/bench_drafts.py for its cost).

Every change is written as a revision: the new values go into the current-state tables
and the (old, new) pair of each changed item into ``changes``, in one transaction.  The
history therefore costs a few dozen bytes per edited cell instead of a copy of the
report, and any revision can be rebuilt by replaying ``changes``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import reportdesk
from reportdesk.core.pattern_cache import compile_pattern
from reportdesk.core.records import field, record
from reportdesk.storage.errors import DraftError, is_disk_full, os_reason, sqlite_reason
from reportdesk.storage.lock import DraftLock, is_locked, open_no_follow
from reportdesk.storage.schema import SCHEMA_VERSION, HeaderInfo, inspect_header, migrate

log = logging.getLogger(__name__)

T = TypeVar("T")

CELL = "cell"
TEXT = "text"
META = "meta"
WARNING = "warning"
KINDS = (CELL, TEXT, META, WARNING)
ORIGINS = ("typed", "pasted", "imported", "carried")
#: The columns each table of the current schema must have (a crafted draft may lack some).
REQUIRED_COLUMNS = {
    "draft_info": {"key", "value"}, "meta": {"key", "value"}, "cells": {"cell_id", "value", "origin"},
    "texts": {"key", "text"}, "revisions": {"number", "timestamp", "description"},
    "changes": {"revision", "seq", "kind", "key", "old", "new", "old_origin", "new_origin"},
    "accepted_warnings": {"key", "reason", "accepted_at"}, "previous_report": {"id", "json"},
}
REQUIRED_TABLES = set(REQUIRED_COLUMNS)
#: SQLITE_BUSY / SQLITE_LOCKED and SQLITE_READONLY_ROLLBACK (a hot journal a read-only
#: connection may not roll back) as ``sqlite3.Error.sqlite_errorcode``.
_BUSY_CODES = (5, 6)
_READONLY_ROLLBACK = 776
_READ_ATTEMPTS = 20
#: Temporary files of our own naming beside a draft (see :func:`temporary_name`).
_TEMP_PATTERN = compile_pattern(r"^\.(?P<name>.+)\.(?P<pid>\d+)(?:-[0-9a-f]{8})?\.(?:creating|saving)(?:-journal)?$")


@record
class Change:
    """One item changed by a revision; values as stored (text, ``None`` for absent)."""

    kind: str
    key: str
    old: str | None
    new: str | None
    old_origin: str | None = None
    new_origin: str | None = None


@record
class Revision:
    number: int
    timestamp: datetime
    description: str


@record(frozen=False)
class DraftState:
    """Everything a draft holds besides its history, as stored strings."""

    info: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)  # JSON text per key
    cells: dict[str, tuple[str, str]] = field(default_factory=dict)  # cell id -> (value text, origin)
    texts: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)  # finding key -> reason
    previous_json: str | None = None

    def items(self) -> dict[tuple[str, str], tuple[str, str | None]]:
        """The state as (kind, key) -> (value, origin), the shape the history replays into."""
        out: dict[tuple[str, str], tuple[str, str | None]] = {}
        out.update({(META, k): (v, None) for k, v in self.meta.items()})
        out.update({(CELL, k): (v, o) for k, (v, o) in self.cells.items()})
        out.update({(TEXT, k): (v, None) for k, v in self.texts.items()})
        out.update({(WARNING, k): (v, None) for k, v in self.warnings.items()})
        return out


def now() -> datetime:
    return datetime.now().astimezone()


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _configure(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA busy_timeout = 3000")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA cell_size_check = ON")


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) to an existing file."""
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rw")
    db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        if readonly:  # no pragma that reads the file here: the first read is inside the caller's transaction
            db.execute("PRAGMA busy_timeout = 3000")
        else:
            _configure(db)
        if not readonly:
            mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                log.warning("journal mode of %s is %s", path, mode)
    except sqlite3.Error:
        db.close()
        raise
    return db


def _writable(path: Path) -> bool:
    """Whether *path* may be written: its permission bits (also for root) and os.access."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def damaged_error(path: Path, exc: BaseException | str) -> DraftError:
    """The message for a draft that cannot be read; *exc* is an sqlite3 error or a Chinese reason."""
    if isinstance(exc, BaseException):
        log.info("draft %s is damaged: %r", path, exc)
        reason = sqlite_reason(exc) if isinstance(exc, sqlite3.Error) else str(exc)
    else:
        reason = exc
    return DraftError(
        f"草稿文件“{path.name}”已损坏，无法打开（{reason}）。原文件未作改动；"
        f"可用“reportdesk recover {path.name} -o 新文件.rdesk”（程序中的“恢复到新草稿”）把能读出的内容保存到新文件。",
        "damaged",
    )


def _code(exc: BaseException) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    return code if isinstance(code, int) else -1


def check_database(db: sqlite3.Connection, path: Path) -> None:
    """Quick structural check of an open draft; raises ``DraftError("damaged")``."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        columns = {t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")} for t in REQUIRED_COLUMNS if t in tables}
    except sqlite3.OperationalError as exc:
        if _code(exc) in _BUSY_CODES or _code(exc) == _READONLY_ROLLBACK:
            raise  # not damage: the caller waits or reads a private copy
        raise damaged_error(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    if problems != ["ok"]:
        log.info("quick_check of %s: %s", path, problems[:10])
        raise damaged_error(path, f"数据库检查发现 {len(problems)} 处结构错误")
    if version == SCHEMA_VERSION:
        if not tables >= REQUIRED_TABLES:
            missing = "、".join(sorted(REQUIRED_TABLES - tables))
            raise damaged_error(path, f"缺少数据表 {missing}")
        lacking = [f"{t}.{c}" for t, need in sorted(REQUIRED_COLUMNS.items()) for c in sorted(need - columns[t])]
        if lacking:
            raise damaged_error(path, f"数据表缺少列 {'、'.join(lacking[:5])}")


def _texts(rows: Iterable[tuple], table: str, path: Path | None, *, nullable: int = -1) -> list[tuple]:
    """*rows* with every column a string (column *nullable* may be NULL); else the draft is damaged."""
    out = []
    for row in rows:
        if not all(isinstance(v, str) or (i == nullable and v is None) for i, v in enumerate(row)):
            where = path if path is not None else Path("草稿")
            raise damaged_error(where, f"数据表 {table} 中“{str(row[0])[:30]}”一行的内容不是文字")
        out.append(row)
    return out


def load_state(db: sqlite3.Connection, path: Path | None = None) -> DraftState:
    """The current state; a row of the wrong type (a crafted draft) is ``DraftError("damaged")``."""
    state = DraftState()
    try:
        state.info = dict(_texts(db.execute("SELECT key, value FROM draft_info"), "draft_info", path))
        state.meta = dict(_texts(db.execute("SELECT key, value FROM meta"), "meta", path))
        state.cells = {cid: (value, origin) for cid, value, origin in
                       _texts(db.execute("SELECT cell_id, value, origin FROM cells"), "cells", path)}
        state.texts = dict(_texts(db.execute("SELECT key, text FROM texts"), "texts", path))
        state.warnings = dict(_texts(db.execute("SELECT key, reason FROM accepted_warnings"), "accepted_warnings",
                                     path))
        row = db.execute("SELECT json FROM previous_report WHERE id = 1").fetchone()
    except sqlite3.OperationalError as exc:
        if _code(exc) in _BUSY_CODES:
            raise
        raise damaged_error(path or Path("草稿"), exc) from exc
    state.previous_json = row[0] if row and isinstance(row[0], str) else None
    return state


def revisions(db: sqlite3.Connection, path: Path | None = None, *, last: bool = False) -> list[Revision]:
    """The revisions (or only the last one); a bad time or description is ``DraftError("damaged")``."""
    sql = "SELECT number, timestamp, description FROM revisions ORDER BY number"
    out: list[Revision] = []
    for number, stamp, description in db.execute(sql + (" DESC LIMIT 1" if last else "")):
        try:
            if not isinstance(number, int) or not isinstance(description, str):
                raise TypeError
            moment = datetime.fromisoformat(stamp)
        except (TypeError, ValueError) as exc:
            raise damaged_error(path or Path("草稿"),
                                f"第 {str(number)[:12]} 版的保存时间“{str(stamp)[:30]}”或说明无效") from exc
        out.append(Revision(number, moment, description))
    return out


def _apply(db: sqlite3.Connection, change: Change, stamp: str) -> None:
    kind, key, new = change.kind, change.key, change.new
    if kind == CELL:
        if new is None:
            db.execute("DELETE FROM cells WHERE cell_id = ?", (key,))
        else:
            db.execute("INSERT OR REPLACE INTO cells (cell_id, value, origin) VALUES (?, ?, ?)",
                       (key, new, change.new_origin or "typed"))
    elif kind == TEXT:
        if not new:
            db.execute("DELETE FROM texts WHERE key = ?", (key,))
        else:
            db.execute("INSERT OR REPLACE INTO texts (key, text) VALUES (?, ?)", (key, new))
    elif kind == META:
        if new is None:
            db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, new))
    elif kind == WARNING:
        if new is None:
            db.execute("DELETE FROM accepted_warnings WHERE key = ?", (key,))
        else:
            db.execute("INSERT OR REPLACE INTO accepted_warnings (key, reason, accepted_at) VALUES (?, ?, ?)",
                       (key, new, stamp))
    else:  # pragma: no cover - programming error
        raise ValueError(f"unknown change kind {kind!r}")


def write_revision(db: sqlite3.Connection, description: str, changes: list[Change], moment: datetime) -> int:
    """Append a revision inside the caller's transaction; returns its number."""
    stamp = _stamp(moment)
    number = db.execute("SELECT coalesce(max(number), 0) + 1 FROM revisions").fetchone()[0]
    db.execute("INSERT INTO revisions (number, timestamp, description) VALUES (?, ?, ?)",
               (number, stamp, description))
    db.executemany(
        "INSERT INTO changes (revision, seq, kind, key, old, new, old_origin, new_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(number, seq, c.kind, c.key, c.old, c.new, c.old_origin, c.new_origin) for seq, c in enumerate(changes)],
    )
    for change in changes:
        _apply(db, change, stamp)
    return int(number)


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def replay(rows: Iterable[tuple[str, str, str | None, str | None]]) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Rebuild a state from (kind, key, new, new_origin) rows in revision order."""
    state: dict[tuple[str, str], tuple[str, str | None]] = {}
    for kind, key, new, origin in rows:
        if new is None or (kind == TEXT and new == ""):
            state.pop((kind, key), None)
        else:
            state[(kind, key)] = (new, origin)
    return state


class DraftFile:
    """An open draft: the locked file and its connection.  Not thread-safe; one per session."""

    def __init__(self, path: Path, db: sqlite3.Connection, lock: DraftLock) -> None:
        self.path = path
        self.db = db
        self.lock = lock

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> DraftFile:
        path = Path(path)
        header = inspect_header(path)
        if not _writable(path):
            raise DraftError(
                f"草稿文件“{path.name}”是只读的，不能在此编辑。请取消文件的只读属性，"
                "或复制一份到可以写入的文件夹后再打开；只查看可以使用“检查”。",
                "readonly",
            )
        if not _writable(path.parent):
            raise DraftError(
                f"草稿所在的文件夹 {path.parent} 不允许写入（保存时需要在同一文件夹中写临时文件），不能在此编辑。"
                "请把草稿复制到可以写入的文件夹（如“文档”）后再打开。",
                "readonly",
            )
        lock = DraftLock(path)
        lock.acquire()
        try:
            clean_stale_temporaries(path)
            if header.hot_journal or header.wal:
                # Roll a journal left beside the draft back on a private copy first: it may
                # belong to another file (a backup copied over the draft after a crash).
                verify_rollback(path)
            try:
                db = connect(path, readonly=False)
            except sqlite3.DatabaseError as exc:
                raise _open_error(path, exc) from exc
            try:
                check_database(db, path)  # also rolls back a journal left by a crash
                inspect_header(path)
                migrate(db)
                check_database(db, path)
            except sqlite3.DatabaseError as exc:
                db.close()
                raise _open_error(path, exc) from exc
            except BaseException:
                db.close()
                raise
        except BaseException:
            lock.release()
            raise
        return cls(path, db, lock)

    @classmethod
    def create(cls, path: Path, *, info: dict[str, str], changes: list[Change], description: str,
               previous_json: str | None = None) -> DraftFile:
        """Make a new draft at *path* (which must not exist) holding *changes* as revision 1.

        The file is built under a temporary name in the same folder and renamed into
        place only when complete, so a crash never leaves a half-made draft.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise DraftError(f"文件“{path}”已存在。请换一个文件名，或打开已有的草稿。", "io")
        if not path.parent.is_dir():
            raise DraftError(f"文件夹 {path.parent} 不存在，请先创建它或换一个位置。", "io")
        if not _writable(path.parent):
            raise DraftError(f"文件夹 {path.parent} 不允许写入，请换一个位置保存草稿。", "readonly")
        def fill(db: sqlite3.Connection) -> None:
            _configure(db)
            migrate(db)
            moment = now()
            with transaction(db):
                stamped = {**info, "created": _stamp(moment), "created_by": f"ReportDesk {reportdesk.__version__}"}
                db.executemany("INSERT INTO draft_info (key, value) VALUES (?, ?)", sorted(stamped.items()))
                if previous_json is not None:
                    db.execute("INSERT INTO previous_report (id, json) VALUES (1, ?)", (previous_json,))
                write_revision(db, description, changes, moment)

        db, lock = _build_in_place(path, "creating", fill, f"无法创建草稿“{path}”")
        return cls(path, db, lock)

    # -- reading and writing -----------------------------------------------------------
    def load(self) -> DraftState:
        return load_state(self.db, self.path)

    def commit(self, description: str, changes: list[Change]) -> Revision:
        moment = now()
        try:
            with transaction(self.db):
                number = write_revision(self.db, description, changes, moment)
        except sqlite3.OperationalError as exc:
            log.info("commit to %s failed: %r", self.path, exc)
            raise DraftError(f"无法保存草稿“{self.path.name}”：{sqlite_reason(exc)}。刚才的修改没有保存，"
                             "请检查磁盘空间和权限。", "io") from exc
        except sqlite3.DatabaseError as exc:
            raise damaged_error(self.path, exc) from exc
        return Revision(number, moment, description)

    def set_previous(self, previous_json: str | None) -> None:
        with transaction(self.db):
            self.db.execute("DELETE FROM previous_report")
            if previous_json is not None:
                self.db.execute("INSERT INTO previous_report (id, json) VALUES (1, ?)", (previous_json,))

    def history(self) -> list[Revision]:
        return revisions(self.db, self.path)

    def last_revision(self) -> Revision | None:
        last = revisions(self.db, self.path, last=True)
        return last[0] if last else None

    def state_at(self, revision: int) -> dict[tuple[str, str], tuple[str, str | None]]:
        rows = self.db.execute(
            "SELECT kind, key, new, new_origin FROM changes WHERE revision <= ? ORDER BY revision, seq", (revision,))
        good = []
        for row in rows:
            kind, key, new, origin = row
            if kind not in KINDS or not isinstance(key, str) or not (new is None or isinstance(new, str)) \
                    or (kind == CELL and new is not None and origin not in ORIGINS):
                raise damaged_error(self.path, f"修改记录中有无法识别的一项（{str(kind)[:20]} {str(key)[:30]}）")
            good.append(row)
        return replay(good)

    def save_as(self, target: Path) -> DraftFile:
        """Copy this draft (history included) to *target* and return it opened and locked."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            return self
        if target.exists() or target.is_symlink():
            raise DraftError(f"文件“{target}”已存在。请换一个文件名。", "io")
        if not target.parent.is_dir() or not _writable(target.parent):
            raise DraftError(f"文件夹 {target.parent} 不存在或不允许写入，请换一个位置。", "readonly")
        db, lock = _build_in_place(target, "saving", self.db.backup, f"另存为“{target}”失败")
        return DraftFile(target, db, lock)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.lock.release()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _refuse_leftover_journal(path: Path) -> None:
    """A new draft must not meet a journal some earlier file of that name left: SQLite would roll it
    into the new file."""
    journal = journal_of(path)
    if os.path.lexists(journal):
        raise DraftError(
            f"文件夹中有一个以前留下的日志文件“{journal.name}”，它不属于新文件。为免新草稿被它改坏，没有创建"
            f"“{path.name}”。请把“{journal.name}”移到其他文件夹或删除后重试，或换一个文件名。", "io")


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> DraftError:
    if isinstance(exc, sqlite3.OperationalError) and not is_disk_full(exc) and _code(exc) & 0xFF != 11:
        log.info("cannot open %s: %r", path, exc)
        return DraftError(f"无法读写草稿“{path.name}”：{sqlite_reason(exc)}。原文件未作改动。", "io")
    if is_disk_full(exc):
        return DraftError(f"无法打开草稿“{path.name}”：磁盘空间不足。请清理磁盘后再打开；原文件未作改动。", "io")
    return damaged_error(path, exc)


def _write_error(what: str, exc: BaseException, *, created: bool = False) -> DraftError:
    """A save, create or save-as that failed: the reason in Chinese, and that nothing was left behind."""
    log.info("%s: %r", what, exc)
    reason = os_reason(exc) if isinstance(exc, OSError) else sqlite_reason(exc)
    tail = "没有留下不完整的文件。" if created else "原有文件未被改动。"
    if is_disk_full(exc):
        return DraftError(f"{what}：磁盘空间不足。请清理磁盘或换一个位置保存；{tail}", "io")
    if isinstance(exc, OSError) and (isinstance(exc, PermissionError) or getattr(exc, "winerror", None)):
        return DraftError(f"{what}：{reason}。请关闭占用该文件的程序（或暂停同步盘）后重试，或换一个位置；{tail}", "io")
    return DraftError(f"{what}：{reason}。{tail}", "io")


# -- temporary files -------------------------------------------------------------------

def temporary_name(path: Path, kind: str) -> Path:
    """``.报告.rdesk.<pid>-<random>.<kind>``: hidden, ours, and not guessable by another user."""
    import secrets  # not on the path that opens a draft

    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.{kind}")


def make_temporary(path: Path, kind: str) -> Path:
    """Create an empty temporary file for *path*, never following a link (``O_EXCL``)."""
    tmp = temporary_name(path, kind)
    fd = open_no_follow(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(fd)
    return tmp


def _remove_temporary(tmp: Path) -> None:
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def clean_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporaries a killed ReportDesk left for draft *path* (only regular files of our
    own naming; called under the draft's lock, so none of them is in use)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_PATTERN.match(entry.name)
        if match is None or match.group("name") != path.name:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError as exc:
            log.warning("could not remove the stale temporary file %s: %s", entry.path, exc)
    if removed:
        log.info("removed stale temporary files %s", [p.name for p in removed])
    return removed


# -- reading without a lock --------------------------------------------------------------

def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _stats(path: Path) -> tuple:
    """What changes when a writer touches the draft: identity, size and time of each of its files."""
    out: list[tuple[int, int, int] | None] = []
    for p in (path, journal_of(path), path.with_name(path.name + "-wal")):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            out.append(None)
        else:
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _private_copy(path: Path, folder: Path) -> tuple[Path, Path]:
    """Copy the draft with its journal (or WAL) into *folder*, atomically with respect to a
    writer: the copy is retried until the files did not change while being copied.

    Returns (copy with its journal, copy of the draft alone)."""
    copy, alone = folder / "draft.rdesk", folder / "alone.rdesk"
    for attempt in range(_READ_ATTEMPTS):
        before = _stats(path)
        try:
            for target in (copy, journal_of(copy), copy.with_name(copy.name + "-wal"), alone):
                target.unlink(missing_ok=True)
            shutil.copyfile(path, copy)
            for suffix in ("-journal", "-wal"):
                with contextlib.suppress(FileNotFoundError):
                    shutil.copyfile(path.with_name(path.name + suffix), copy.with_name(copy.name + suffix))
            shutil.copyfile(path, alone)
        except FileNotFoundError as exc:
            if not path.exists():
                raise DraftError(f"找不到草稿文件 {path}。", "io") from exc
            continue
        except OSError as exc:
            raise DraftError(f"无法读取 {path}：{os_reason(exc)}", "io") from exc
        if _stats(path) == before:
            return copy, alone
        time.sleep(0.02 * (attempt + 1))
    raise DraftError(f"草稿“{path.name}”正在被频繁写入，暂时无法读取。请稍后再试。", "io")


def _usable(copy: Path, where: Path) -> DraftError | None:
    """Open a private copy read-write (rolling its journal back) and check it; None when fine."""
    try:
        db = sqlite3.connect(copy, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        return damaged_error(where, exc)
    try:
        check_database(db, where)
    except DraftError as exc:
        return exc
    except sqlite3.DatabaseError as exc:
        return damaged_error(where, exc)
    finally:
        db.close()
    return None


def verify_rollback(path: Path) -> None:
    """Before a write-open: roll the journal (or WAL) beside *path* back on a private copy, and
    refuse, with both files untouched, when the result does not pass ``quick_check``."""
    with tempfile.TemporaryDirectory(prefix="reportdesk-verify-") as tmpdir:
        copy, alone = _private_copy(path, Path(tmpdir))
        problem = _usable(copy, path)
        if problem is None:
            return
        journal = journal_of(path).name
        if _usable(alone, path) is None:
            raise DraftError(
                f"草稿“{path.name}”旁边有一个不属于它的日志文件“{journal}”（多为程序中断后留下，之后草稿文件又被"
                "替换过，例如从备份复制回来）。按这个日志回滚会损坏草稿，因此没有打开，两个文件都未作改动。"
                f"草稿本身完好：请把“{journal}”移到其他文件夹后再打开；也可以用“恢复到新草稿”"
                f"（reportdesk recover {path.name} -o 新文件.rdesk）把内容保存到新草稿。",
                "damaged",
            )
        raise problem


def snapshot_source(path: Path, folder: Path) -> Path:
    """A private copy of *path* that reads as the draft: with its journal rolled back when the
    result is sound, else the draft alone when that is sound (a journal of another file)."""
    copy, alone = _private_copy(path, folder)
    if _usable(copy, path) is None:
        return copy
    if _usable(alone, path) is None:
        log.info("the journal beside %s does not belong to it; read without it", path)
        return alone
    return copy


def _read(path: Path, read: Callable[[sqlite3.Connection], T]) -> tuple[T, HeaderInfo]:
    """Run *read* on a consistent snapshot of the draft, without lock or write.

    The draft is opened read-only (``mode=ro``) in one read transaction: SQLite's own locks
    keep a live writer's half-written transaction out, and ``SQLITE_BUSY`` is waited out.  A
    journal a crash left (SQLite refuses it read-only) or a WAL-mode draft is read from a
    private copy, where the journal can be rolled back.  A file that looks damaged while it
    changes under us is read again before it is called damaged.
    """
    path = Path(path)
    last: BaseException | None = None
    for attempt in range(_READ_ATTEMPTS):
        before = _stats(path)
        try:
            # The header is read outside SQLite's locks: a writer extending the file at that
            # moment makes it look cut short, so that verdict too is checked again.
            header = inspect_header(path)
            if header.wal:
                return _read_copy(path, read), header
            return _read_direct(path, read), header
        except _HotJournal:
            return _read_copy(path, read), header
        except _Busy as exc:
            last = exc.__cause__
        except DraftError as exc:
            if exc.code != "damaged" or (_stats(path) == before and not is_locked(path)):
                raise
            last = exc
        time.sleep(min(0.05 * (attempt + 1), 0.5))
    if isinstance(last, DraftError):
        raise last
    raise DraftError(f"草稿“{path.name}”正被另一个程序长时间写入，暂时无法读取。请稍后再试。", "io")


class _HotJournal(Exception):
    pass


class _Busy(Exception):
    pass


def _read_direct(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    try:
        db = connect(path, readonly=True)
    except sqlite3.OperationalError as exc:
        if _code(exc) == _READONLY_ROLLBACK:
            raise _HotJournal from exc
        if _code(exc) in _BUSY_CODES:
            raise _Busy from exc
        raise DraftError(f"无法读取草稿“{path.name}”：{sqlite_reason(exc)}", "io") from exc
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    try:
        db.execute("BEGIN")
        db.execute("PRAGMA cell_size_check = ON")
        check_database(db, path)
        return _in_memory_if_old(db, path, read)
    except sqlite3.OperationalError as exc:
        if _code(exc) == _READONLY_ROLLBACK:
            raise _HotJournal from exc
        if _code(exc) in _BUSY_CODES:
            raise _Busy from exc
        raise _open_error(path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    finally:
        db.close()


def _read_copy(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    with tempfile.TemporaryDirectory(prefix="reportdesk-read-") as tmpdir:
        source = snapshot_source(path, Path(tmpdir))
        try:
            db = sqlite3.connect(source, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise damaged_error(path, exc) from exc
        try:
            check_database(db, path)
            return _in_memory_if_old(db, path, read)
        except sqlite3.DatabaseError as exc:
            raise _open_error(path, exc) from exc
        finally:
            db.close()


def _in_memory_if_old(db: sqlite3.Connection, path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """*read* on *db*, or on an in-memory copy migrated to the current schema when *db* is older."""
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return read(db)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.backup(memory)
        migrate(memory)
        return read(memory)
    finally:
        memory.close()


def _build_in_place(path: Path, kind: str, fill: Callable[[sqlite3.Connection], object],
                    failure: str) -> tuple[sqlite3.Connection, DraftLock]:
    """A new draft at *path*: locked first, built by *fill* under a temporary name in the same folder,
    made durable and renamed into place only when complete (a crash never leaves half a draft), then
    opened for writing.  A journal already beside *path* is refused (SQLite would roll it into the new
    file); on failure the lock is released and nothing is left."""
    lock = DraftLock(path)
    lock.acquire()
    tmp: Path | None = None
    try:
        _refuse_leftover_journal(path)
        clean_stale_temporaries(path)
        tmp = make_temporary(path, kind)
        out = sqlite3.connect(tmp, isolation_level=None)
        try:
            fill(out)
        finally:
            out.close()
        _fsync_file(tmp)
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
        lock.bind()
        return connect(path, readonly=False), lock
    except (OSError, sqlite3.Error) as exc:
        lock.release()
        raise _write_error(failure, exc, created=True) from exc
    except BaseException:
        lock.release()
        raise
    finally:
        if tmp is not None:
            _remove_temporary(tmp)


def read_state(path: Path) -> tuple[DraftState, HeaderInfo]:
    """The content of a draft, read without lock or write (for check, dump, the start page)."""
    return _read(path, lambda db: load_state(db, Path(path)))


def read_history(path: Path) -> list[Revision]:
    """The revisions of a draft, read without lock or write (a draft open elsewhere can be listed)."""
    return _read(path, lambda db: revisions(db, Path(path)))[0]
