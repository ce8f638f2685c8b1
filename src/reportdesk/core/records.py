"""Value classes: what ``@dataclass(frozen=True, slots=True)`` gives, without its cost at start-up.

The standard decorator writes the source of up to six methods for every class and compiles each
of them when the module is imported: about half a millisecond a class.  ReportDesk defines some
ninety value classes on the path that opens a draft, so that was the largest single share of the
app's start-up.  Here only ``__init__`` is compiled, once a class has made a few instances (it
keeps the class's own signature, so calls are checked and fast); equality, hashing, the repr,
immutability, pickling and :func:`replace` are shared functions that read the class's field names.

    @record
    class CellRef:
        table: str
        row: str
        column: str = ""

    @record(frozen=False)  # mutable, and then unhashable, as a dataclass with eq=True is
    class Tally:
        cells: list[str] = field(default_factory=list)

Type checkers treat ``@record`` as a dataclass (PEP 681).  Inheritance between records is not
supported: compose them instead.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from types import FunctionType
from typing import Any, ClassVar, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
_MUTABLE_DEFAULTS = (list, dict, set, bytearray)


class FrozenRecordError(AttributeError):
    """An attempt to set or delete a field of a frozen record."""


class Field:
    """A field's options, as ``dataclasses.field`` takes them (the subset the code uses)."""

    __slots__ = ("compare", "default", "default_factory", "repr")

    def __init__(self, default: object, default_factory: Callable[[], object] | None, compare: bool,
                 repr: bool) -> None:  # the name dataclasses uses
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | None = None, compare: bool = True,
          repr: bool = True) -> Any:
    """A field with a default made fresh for every instance, or left out of equality or the repr."""
    if default is not MISSING and default_factory is not None:
        raise ValueError("a field cannot have both a default and a default_factory")
    return Field(default, default_factory, compare, repr)


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(*, frozen: bool = True) -> Callable[[type[_T]], type[_T]]: ...


def record(cls: type[_T] | None = None, /, *, frozen: bool = True) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """Make *cls* a value class with slots: ``@record`` (frozen) or ``@record(frozen=False)``."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _build(cls, frozen)

    return wrap if cls is None else wrap(cls)


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record *obj* with the given fields changed (``dataclasses.replace``)."""
    names = fields(obj)
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(obj).__qualname__} has no field {', '.join(sorted(unknown))}")
    values = {name: getattr(obj, name) for name in names}
    values.update(changes)
    return type(obj)(**values)


def fields(cls_or_obj: object) -> tuple[str, ...]:
    """The field names of a record class or instance, in order."""
    cls = cls_or_obj if isinstance(cls_or_obj, type) else type(cls_or_obj)
    return cls._record_fields  # type: ignore[attr-defined]


# --- building the class ----------------------------------------------------------------------


def _build(cls: type[_T], frozen: bool) -> type[_T]:
    for base in cls.__mro__[1:]:
        if "_record_fields" in base.__dict__:
            raise TypeError(f"{cls.__qualname__}: a record cannot inherit from the record {base.__qualname__}")
    namespace = dict(cls.__dict__)
    names: list[str] = []
    defaults: dict[str, object] = {}
    factories: dict[str, Callable[[], object]] = {}
    compared: list[str] = []
    shown: list[str] = []
    for name, annotation in namespace.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        value = namespace.pop(name, MISSING)
        compare = show = True
        if isinstance(value, Field):
            compare, show = value.compare, value.repr
            if value.default_factory is not None:
                factories[name] = value.default_factory
            value = value.default
        if isinstance(value, _MUTABLE_DEFAULTS):
            raise ValueError(f"{cls.__qualname__}.{name}: a mutable default ({type(value).__name__}) would be shared "
                             "by every instance; use field(default_factory=...)")
        if value is not MISSING:
            defaults[name] = value
        elif name not in factories and (defaults or factories):
            raise TypeError(f"{cls.__qualname__}.{name}: a field without a default follows one with a default")
        names.append(name)
        if compare:
            compared.append(name)
        if show:
            shown.append(name)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace["__slots__"] = tuple(names)
    namespace["__match_args__"] = tuple(names)
    namespace["_record_fields"] = tuple(names)
    namespace["_record_key"] = staticmethod(_key_getter(compared))
    namespace["_record_shown"] = tuple(shown)
    namespace["_record_init"] = (tuple(names), defaults, factories, frozen, "__post_init__" in namespace)
    namespace["__init__"] = _first_init
    namespace.setdefault("__repr__", _repr)
    if "__eq__" not in namespace:
        namespace["__eq__"] = _eq
        if "__hash__" not in namespace:
            namespace["__hash__"] = _hash if frozen else None  # a mutable value is not hashable
    namespace["__reduce__"] = _reduce
    namespace["__replace__"] = replace
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    metaclass: type = type(cls)
    built: type[_T] = metaclass(cls.__name__, cls.__bases__, namespace)
    built.__qualname__ = cls.__qualname__
    return built


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return getattr(annotation, "__origin__", annotation) is ClassVar


def _key_getter(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """The compared fields of an instance as a tuple (a C-level getter: equality and hashing are hot)."""
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)


#: A class's own ``__init__`` is compiled once this many instances were made; before, a general one
#: binds the arguments.  Most classes make a handful of instances on a run, or none.
COMPILE_AFTER = 16
_made: dict[type, int] = {}


def _first_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """``__init__`` of a record class until it has made :data:`COMPILE_AFTER` instances: the arguments
    are bound as the compiled one binds them, with the same errors; then the compiled one (about
    0.1 ms to make) takes its place.  Of the ninety classes, opening a draft makes instances of forty,
    and many instances of only ten."""
    cls = type(self)
    names, defaults, factories, frozen, post_init = cls._record_init
    made = _made.get(cls, 0) + 1
    if made > COMPILE_AFTER:
        init = _init_function(cls.__qualname__, names, defaults, factories, frozen, post_init)
        cls.__init__ = init
        init(self, *args, **kwargs)
        return
    _made[cls] = made
    where = f"{cls.__qualname__}.__init__()"
    if len(args) > len(names):
        raise TypeError(f"{where} takes {len(names) + 1} positional arguments but {len(args) + 1} were given")
    assign = object.__setattr__ if frozen else setattr
    for name, value in zip(names, args, strict=False):
        if name in kwargs:
            raise TypeError(f"{where} got multiple values for argument '{name}'")
        assign(self, name, value)
    missing = []
    for name in names[len(args):]:
        if name in kwargs:
            assign(self, name, kwargs.pop(name))
        elif name in factories:
            assign(self, name, factories[name]())
        elif name in defaults:
            assign(self, name, defaults[name])
        else:
            missing.append(name)
    if kwargs:
        raise TypeError(f"{where} got an unexpected keyword argument '{next(iter(kwargs))}'")
    if missing:
        listed = " and ".join(f"'{name}'" for name in missing)
        raise TypeError(f"{where} missing {len(missing)} required positional argument{'s' * (len(missing) > 1)}: {listed}")
    if post_init:
        self.__post_init__()


def _init_function(qualname: str, names: tuple[str, ...], defaults: dict[str, object],
                   factories: dict[str, Callable[[], object]], frozen: bool, post_init: bool) -> Callable[..., None]:
    """``__init__`` with the class's own parameters, compiled once (its source is made from the field names)."""
    scope: dict[str, object] = {"_set": object.__setattr__, "MISSING": MISSING}
    parameters = ["self"]
    lines = []
    for name in names:
        value = name
        if name in factories:
            scope[f"_factory_{name}"] = factories[name]
            parameters.append(f"{name}=MISSING")
            value = f"_factory_{name}() if {name} is MISSING else {name}"
        elif name in defaults:
            scope[f"_default_{name}"] = defaults[name]
            parameters.append(f"{name}=_default_{name}")
        else:
            parameters.append(name)
        lines.append(f"    _set(self, {name!r}, {value})" if frozen else f"    self.{name} = {value}")
    if post_init:
        lines.append("    self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(compile(source, f"<record {qualname}>", "exec"), scope)  # the source is made of identifiers only
    init = scope["__init__"]
    assert isinstance(init, FunctionType)
    init.__qualname__ = f"{qualname}.__init__"
    return init


# --- the shared methods ----------------------------------------------------------------------


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> bool:
    key = self._record_key
    if other.__class__ is self.__class__:
        return bool(key(self) == key(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._record_key(self))


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__qualname__}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen {type(self).__qualname__}")


def _reduce(self: Any) -> tuple[type, tuple[object, ...]]:
    """Pickled as the class and its field values, and made again by its ``__init__`` (the compiled one
    is a C-level call away, where setting each field from a state would be a Python loop)."""
    return type(self), tuple(getattr(self, name) for name in self._record_fields)
