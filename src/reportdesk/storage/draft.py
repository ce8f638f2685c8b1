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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import reportdesk
from reportdesk.storage.errors import DraftError
from reportdesk.storage.lock import DraftLock
from reportdesk.storage.schema import SCHEMA_VERSION, HeaderInfo, inspect_header, migrate

log = logging.getLogger(__name__)

CELL = "cell"
TEXT = "text"
META = "meta"
WARNING = "warning"
KINDS = (CELL, TEXT, META, WARNING)
ORIGINS = ("typed", "pasted", "imported", "carried")
REQUIRED_TABLES = {"draft_info", "meta", "cells", "texts", "revisions", "changes", "accepted_warnings",
                   "previous_report"}


@dataclass(frozen=True, slots=True)
class Change:
    """One item changed by a revision; values as stored (text, ``None`` for absent)."""

    kind: str
    key: str
    old: str | None
    new: str | None
    old_origin: str | None = None
    new_origin: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    number: int
    timestamp: datetime
    description: str


@dataclass(slots=True)
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


def damaged_error(path: Path, exc: BaseException) -> DraftError:
    return DraftError(
        f"草稿文件“{path.name}”已损坏，无法打开（{exc}）。原文件未作改动；"
        f"可用“reportdesk recover {path.name} -o 新文件.rdesk”把能读出的内容保存到新文件。",
        "damaged",
    )


def check_database(db: sqlite3.Connection, path: Path) -> None:
    """Quick structural check of an open draft; raises ``DraftError("damaged")``."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise damaged_error(path, exc) from exc
    if problems != ["ok"]:
        raise damaged_error(path, Exception("；".join(problems[:3])))
    if version == SCHEMA_VERSION and not tables >= REQUIRED_TABLES:
        missing = "、".join(sorted(REQUIRED_TABLES - tables))
        raise damaged_error(path, Exception(f"缺少数据表 {missing}"))


def load_state(db: sqlite3.Connection) -> DraftState:
    state = DraftState()
    state.info = dict(db.execute("SELECT key, value FROM draft_info"))
    state.meta = dict(db.execute("SELECT key, value FROM meta"))
    state.cells = {cid: (value, origin) for cid, value, origin in db.execute("SELECT cell_id, value, origin FROM cells")}
    state.texts = dict(db.execute("SELECT key, text FROM texts"))
    state.warnings = dict(db.execute("SELECT key, reason FROM accepted_warnings"))
    row = db.execute("SELECT json FROM previous_report WHERE id = 1").fetchone()
    state.previous_json = row[0] if row else None
    return state


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
        inspect_header(path)
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
            try:
                db = connect(path, readonly=False)
            except sqlite3.DatabaseError as exc:
                raise damaged_error(path, exc) from exc
            try:
                check_database(db, path)  # also rolls back a journal left by a crash
                inspect_header(path)
                migrate(db)
                check_database(db, path)
            except sqlite3.OperationalError as exc:
                db.close()
                raise DraftError(f"无法读写草稿“{path.name}”：{exc}", "io") from exc
            except sqlite3.DatabaseError as exc:
                db.close()
                raise damaged_error(path, exc) from exc
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
        if path.exists():
            raise DraftError(f"文件“{path}”已存在。请换一个文件名，或打开已有的草稿。", "io")
        if not path.parent.is_dir():
            raise DraftError(f"文件夹 {path.parent} 不存在，请先创建它或换一个位置。", "io")
        if not _writable(path.parent):
            raise DraftError(f"文件夹 {path.parent} 不允许写入，请换一个位置保存草稿。", "readonly")
        lock = DraftLock(path)
        lock.acquire()
        tmp: Path | None = None
        try:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.creating")
            for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
                leftover.unlink(missing_ok=True)
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                _configure(db)
                migrate(db)
                moment = now()
                with transaction(db):
                    info = {**info, "created": _stamp(moment), "created_by": f"ReportDesk {reportdesk.__version__}"}
                    db.executemany("INSERT INTO draft_info (key, value) VALUES (?, ?)", sorted(info.items()))
                    if previous_json is not None:
                        db.execute("INSERT INTO previous_report (id, json) VALUES (1, ?)", (previous_json,))
                    write_revision(db, description, changes, moment)
            finally:
                db.close()
            _fsync_file(tmp)
            os.replace(tmp, path)
            tmp = None
            _fsync_dir(path.parent)
            db = connect(path, readonly=False)
        except OSError as exc:
            lock.release()
            raise DraftError(f"无法创建草稿“{path}”：{exc.strerror or exc}", "io") from exc
        except BaseException:
            lock.release()
            raise
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        return cls(path, db, lock)

    # -- reading and writing -----------------------------------------------------------
    def load(self) -> DraftState:
        return load_state(self.db)

    def commit(self, description: str, changes: list[Change]) -> Revision:
        moment = now()
        try:
            with transaction(self.db):
                number = write_revision(self.db, description, changes, moment)
        except sqlite3.OperationalError as exc:
            raise DraftError(f"无法保存草稿“{self.path.name}”：{exc}。刚才的修改没有保存，请检查磁盘空间和权限。",
                             "io") from exc
        except sqlite3.DatabaseError as exc:
            raise damaged_error(self.path, exc) from exc
        return Revision(number, moment, description)

    def set_previous(self, previous_json: str | None) -> None:
        with transaction(self.db):
            self.db.execute("DELETE FROM previous_report")
            if previous_json is not None:
                self.db.execute("INSERT INTO previous_report (id, json) VALUES (1, ?)", (previous_json,))

    def history(self) -> list[Revision]:
        return [Revision(n, datetime.fromisoformat(t), d)
                for n, t, d in self.db.execute("SELECT number, timestamp, description FROM revisions ORDER BY number")]

    def last_revision(self) -> Revision | None:
        row = self.db.execute(
            "SELECT number, timestamp, description FROM revisions ORDER BY number DESC LIMIT 1").fetchone()
        return Revision(row[0], datetime.fromisoformat(row[1]), row[2]) if row else None

    def state_at(self, revision: int) -> dict[tuple[str, str], tuple[str, str | None]]:
        rows = self.db.execute(
            "SELECT kind, key, new, new_origin FROM changes WHERE revision <= ? ORDER BY revision, seq", (revision,))
        return replay(rows)

    def save_as(self, target: Path) -> DraftFile:
        """Copy this draft (history included) to *target* and return it opened and locked."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            return self
        if target.exists():
            raise DraftError(f"文件“{target}”已存在。请换一个文件名。", "io")
        if not target.parent.is_dir() or not _writable(target.parent):
            raise DraftError(f"文件夹 {target.parent} 不存在或不允许写入，请换一个位置。", "readonly")
        lock = DraftLock(target)
        lock.acquire()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.saving")
        try:
            out = sqlite3.connect(tmp, isolation_level=None)
            try:
                self.db.backup(out)
            finally:
                out.close()
            _fsync_file(tmp)
            os.replace(tmp, target)
            _fsync_dir(target.parent)
            db = connect(target, readonly=False)
        except (OSError, sqlite3.Error) as exc:
            lock.release()
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise DraftError(f"另存为“{target}”失败：{exc}", "io") from exc
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


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[tuple[sqlite3.Connection, HeaderInfo]]:
    """A connection for reading a draft without locking it and without writing to it.

    A draft left with a hot journal by a crash is read from a private copy, where SQLite
    can roll the unfinished transaction back; an older schema is migrated in memory.
    """
    path = Path(path)
    header = inspect_header(path)
    with tempfile.TemporaryDirectory(prefix="reportdesk-read-") as tmpdir:
        source = path
        if header.hot_journal:
            source = Path(tmpdir) / "draft.rdesk"
            shutil.copyfile(path, source)
            with contextlib.suppress(OSError):
                shutil.copyfile(path.with_name(path.name + "-journal"),
                                source.with_name(source.name + "-journal"))
        try:
            db = connect(source, readonly=not header.hot_journal)
        except sqlite3.DatabaseError as exc:
            raise damaged_error(path, exc) from exc
        try:
            check_database(db, path)
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:", isolation_level=None)
                db.backup(memory)
                db.close()
                db = memory
                migrate(db)
            yield db, header
        except sqlite3.OperationalError as exc:
            raise DraftError(f"无法读取草稿“{path.name}”：{exc}", "io") from exc
        except sqlite3.DatabaseError as exc:
            raise damaged_error(path, exc) from exc
        finally:
            db.close()


def read_state(path: Path) -> tuple[DraftState, HeaderInfo]:
    """The content of a draft, read without lock or write (for check, dump, the start page)."""
    with _reading(path) as (db, header):
        return load_state(db), header


def read_history(path: Path) -> list[Revision]:
    """The revisions of a draft, read without lock or write (a draft open elsewhere can be listed)."""
    with _reading(path) as (db, _header):
        return [Revision(n, datetime.fromisoformat(t), d)
                for n, t, d in db.execute("SELECT number, timestamp, description FROM revisions ORDER BY number")]
