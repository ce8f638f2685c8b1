"""The collector is paused while the app starts, and the start-up objects are kept out of its later
passes until the first draft is closed (reportdesk.startup_gc)."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator

import pytest

from reportdesk import startup_gc


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    startup_gc.release_start_up_objects()
    startup_gc.resume_collection()
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_during_start_up_then_frozen_and_collecting_again() -> None:
    gc.enable()
    startup_gc.pause_collection()
    assert not gc.isenabled()
    made_at_start_up = [[i] for i in range(1000)]
    startup_gc.start_up_done()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made_at_start_up)
    startup_gc.release_start_up_objects()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_cyclic_garbage_of_a_closed_draft_is_collected_after_release() -> None:
    gc.enable()
    startup_gc.pause_collection()

    class Page:
        pass

    page = Page()
    page.me = page  # type: ignore[attr-defined]  # a cycle, as a widget and its signal lambdas make
    alive = weakref.ref(page)
    startup_gc.start_up_done()
    del page
    gc.collect()
    assert alive() is not None  # frozen: kept out of the collection
    startup_gc.release_start_up_objects()
    gc.collect()
    assert alive() is None


def test_a_start_up_that_fails_collects_again_without_freezing() -> None:
    gc.enable()
    startup_gc.pause_collection()
    startup_gc.resume_collection()
    assert gc.isenabled()
    startup_gc.start_up_done()  # too late: nothing to do
    assert gc.get_freeze_count() == 0


def test_nothing_changes_when_the_collector_was_already_off() -> None:
    gc.disable()
    startup_gc.pause_collection()
    startup_gc.start_up_done()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_process_forked_during_start_up_collects() -> None:
    gc.enable()
    startup_gc.pause_collection()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: say whether its collector runs, and leave at once
        os.write(writer, b"1" if gc.isenabled() else b"0")
        os._exit(0)
    os.close(writer)
    said = os.read(reader, 1)
    os.close(reader)
    os.waitpid(pid, 0)
    assert said == b"1"
    assert not gc.isenabled()  # the parent is still starting
