"""``@record`` behaves as ``@dataclass(frozen=True, slots=True)`` does, where the code relies on it."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import ClassVar

import pytest

from reportdesk.core.records import FrozenRecordError, field, fields, record, replace


@record
class Cell:
    table: str
    row: str
    column: str = ""
    notes: tuple[str, ...] = ()


@record
class Holder:
    name: str
    items: list[str] = field(default_factory=list)
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    kind: ClassVar[str] = "holder"


@record(frozen=False)
class Tally:
    cells: list[str] = field(default_factory=list)
    total: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class CellDataclass:
    table: str
    row: str
    column: str = ""
    notes: tuple[str, ...] = ()


def test_init_takes_the_fields_in_order_with_their_defaults() -> None:
    cell = Cell("requests", "received", notes=("a",))
    assert (cell.table, cell.row, cell.column, cell.notes) == ("requests", "received", "", ("a",))
    with pytest.raises(TypeError):
        Cell("requests")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Cell("requests", "received", colour="red")  # type: ignore[call-arg]


def test_equality_hash_and_repr_match_a_dataclass() -> None:
    a, b = Cell("t", "r", "c"), Cell("t", "r", "c")
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != Cell("t", "r", "d")
    assert a != CellDataclass("t", "r", "c")  # another class is never equal, as with dataclasses
    assert len({a, b, Cell("t", "x")}) == 2
    assert repr(a) == repr(CellDataclass("t", "r", "c")).replace("CellDataclass", "Cell")
    nan = float("nan")  # the same object compares equal inside a tuple, as dataclasses compare
    assert Cell("t", "r", notes=(str(nan),)) == Cell("t", "r", notes=(str(nan),))


def test_frozen_fields_cannot_be_set_or_deleted() -> None:
    cell = Cell("t", "r")
    with pytest.raises(FrozenRecordError):
        cell.table = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del cell.row
    with pytest.raises(AttributeError):
        cell.other = 1  # type: ignore[attr-defined]
    assert not hasattr(cell, "__dict__")  # slots


def test_default_factories_are_fresh_and_excluded_fields_are_ignored() -> None:
    one, two = Holder("a"), Holder("a")
    assert one.items is not two.items
    one.cache["x"] = 1
    assert one == two and "cache" not in repr(one)
    assert Holder.kind == "holder" and fields(Holder) == ("name", "items", "cache")


def test_a_mutable_record_can_change_and_is_not_hashable() -> None:
    tally = Tally()
    tally.total += 2
    tally.cells.append("a")
    assert tally == Tally(["a"], 2)
    with pytest.raises(TypeError):
        hash(tally)


def test_replace_copies_with_changes() -> None:
    cell = Cell("t", "r", "c")
    assert replace(cell, column="d") == Cell("t", "r", "d")
    assert cell.column == "c"
    with pytest.raises(TypeError):
        replace(cell, colour="red")


@pytest.mark.parametrize("value", [Cell("t", "r", "c", ("n",)), Holder("h", ["x"]), Tally(["y"], 3)])
def test_pickle_and_copy_round_trip(value: object) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(value, protocol)) == value
    assert copy.copy(value) == value and copy.deepcopy(value) == value


def test_definition_mistakes_are_refused() -> None:
    with pytest.raises(ValueError, match="mutable default"):
        @record
        class Shared:
            items: list[str] = []  # noqa: RUF012 (the mistake under test)

    with pytest.raises(TypeError, match="without a default follows"):
        @record
        class Order:
            first: int = 0
            second: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="cannot inherit"):
        @record
        class Child(Cell):
            extra: int = 0


@pytest.mark.parametrize("made_before", [0, 100])  # the general __init__ of the first instances, then the compiled one
def test_arguments_are_bound_the_same_before_and_after_the_init_is_compiled(made_before: int) -> None:
    @record
    class Point:
        x: int
        y: int
        label: str = ""
        tags: list[str] = field(default_factory=list)

    for _ in range(made_before):
        Point(0, 0)
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2, label="") and Point(1, 2).tags == []
    assert Point(1, 2, "a", ["t"]).tags == ["t"] and Point(1, 2).tags is not Point(1, 2).tags
    for bad in (lambda: Point(1), lambda: Point(), lambda: Point(1, 2, "a", [], 5), lambda: Point(1, x=1),
                lambda: Point(1, 2, colour="red"), lambda: Point(y=2)):
        with pytest.raises(TypeError):
            bad()
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Point(1, 2, colour="red")
    with pytest.raises(TypeError, match="'x'"):
        Point(y=2)


def test_post_init_runs_in_both_inits() -> None:
    seen: list[int] = []

    @record
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")
            seen.append(self.value)

    for value in range(40):  # past the general __init__'s instances
        Checked(value)
    assert seen == list(range(40))
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
