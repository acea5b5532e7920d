"""Values as plain data: a small tagged JSON encoding that keeps the Python types the checks
tell apart, and a decoder that builds the values again from nothing but that data.

A check sends what the learner's function gave out of the kernel in this form
(``course.checks.calls``), and the grader decodes it in its own process: decoding reads
JSON and builds built-in values, so it never imports, unpickles or evaluates anything.

Every encoded value is a JSON array whose first item names its type:

========================  =================================================================
``["none"]``              ``None``
``["bool", true]``        ``bool`` (numpy's ``bool_`` too)
``["int", "12"]``         ``int`` and its subclasses (``IntEnum``, numpy integers), as digits
``["float", "0.1"]``      ``float`` and its subclasses (numpy floats), as its exact ``repr``:
                          ``"nan"``, ``"inf"``, ``"-inf"`` and ``"-0.0"`` included
``["str", "text"]``       ``str`` and its subclasses
``["fraction", "1/3"]``   ``fractions.Fraction``
``["tuple", [...]]``      tuples (named tuples too), lists, sets and frozensets, each kept
``["list", [...]]``       as its own type; a set's items are sorted by their encoding, so
``["set", [...]]``        the same set always encodes the same way
``["frozenset", [...]]``
``["dict", [[k, v]...]]`` any mapping (``dict``, ``MappingProxyType``...), keys of any
                          encodable type, in the mapping's order
``["dataclass", name,     a dataclass instance: its qualified class name and its fields in
[[field, v]...]]``        order; decoded as a frozen dataclass of that name and fields
``["opaque", name,        anything else: its type's name and the start of its ``repr``
"repr"]``                 (at most ``REPR_LIMIT`` characters); decoded as an ``Opaque``
                          value of a class with that name, which shows that ``repr``
========================  =================================================================

numpy arrays become the nested lists of ``tolist()``. Numbers are text so that no JSON
reader (JupyterLab's included) rounds them. An encoding larger than ``SIZE_LIMIT``
characters raises ``TooLarge``; values nested deeper than ``DEPTH_LIMIT`` are opaque.
"""

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from fractions import Fraction

#: The most characters one encoded value may take (256 kB): a check's value is small.
SIZE_LIMIT = 256 * 1024

#: How deep containers may nest before the rest of a value is kept as opaque.
DEPTH_LIMIT = 40

#: How much of an opaque value's ``repr`` is kept.
REPR_LIMIT = 200

SEQUENCES = {"tuple": tuple, "list": list, "set": set, "frozenset": frozenset}


class TooLarge(Exception):
    """The value's encoding would be longer than ``SIZE_LIMIT`` characters."""


class Malformed(Exception):
    """Data that no call of ``encode`` produces (a hand-made or damaged encoding)."""


class Opaque:
    """A value of a type plain data does not carry: only its type's name and its ``repr``.

    Two opaque values are equal only if they are the same object, as for a plain object.
    """

    __slots__ = ("_repr",)

    def __init__(self, shown):
        self._repr = shown

    def __repr__(self):
        return self._repr


def encode(value, limit=SIZE_LIMIT):
    """``value`` as plain data (nested lists and strings, ready for ``json.dumps``).

    Raises ``TooLarge`` when the encoding would take more than ``limit`` characters.
    Reading the value may run its own methods (``__iter__``, ``__repr__``...): a method that
    fails makes that part opaque.
    """
    return _Encoder(limit).encode(value, 0, frozenset())


def decode(data):
    """The value that ``data`` (from ``encode``) stands for. Raises ``Malformed`` for
    anything ``encode`` cannot have produced."""
    try:
        return _decode(data, 0)
    except Malformed:
        raise
    except (TypeError, ValueError, IndexError, ZeroDivisionError) as error:
        raise Malformed(f"not an encoded value: {error}") from None


def dumps(data):
    """The canonical JSON text of plain data: no spaces, so equal data give equal text."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def digest(data):
    """A short fingerprint (16 hex digits) of plain data."""
    return hashlib.sha256(dumps(data).encode()).hexdigest()[:16]


class _Encoder:
    def __init__(self, limit):
        self.left = limit

    def spend(self, text):
        self.left -= len(text) + 8
        if self.left < 0:
            raise TooLarge("the value is too large to check")
        return text

    def encode(self, value, depth, path):
        try:
            return self._encode(value, depth, path)
        except TooLarge:
            raise
        except Exception:  # the value's own methods failed: keep what can be said safely
            return self.opaque(value, f"<{type(value).__name__} that could not be read>")

    def _encode(self, value, depth, path):
        kind = type(value)
        self.spend("")
        if value is None:
            return ["none"]
        if kind.__module__ == "numpy" and hasattr(value, "tolist"):
            if getattr(value, "nbytes", 0) > self.left:
                raise TooLarge("the value is too large to check")
            return self.encode(value.tolist(), depth, path)
        if isinstance(value, bool):
            return ["bool", bool(value)]
        if isinstance(value, int):
            return ["int", self.spend(int.__repr__(value))]
        if isinstance(value, float):
            return ["float", self.spend(float.__repr__(value))]
        if isinstance(value, str):
            return ["str", self.spend(str.__str__(value))]
        if isinstance(value, Fraction):
            return ["fraction", self.spend(f"{value.numerator}/{value.denominator}")]
        if id(value) in path:
            return self.opaque(value, "<a value that contains itself>")
        if depth >= DEPTH_LIMIT:
            return self.opaque(value, f"<{kind.__name__} nested too deep>")
        inner = path | {id(value)}
        if isinstance(value, Mapping):
            items = [
                [self.encode(k, depth + 1, inner), self.encode(v, depth + 1, inner)]
                for k, v in value.items()
            ]
            return ["dict", items]
        for name, sequence in SEQUENCES.items():
            if isinstance(value, sequence):
                items = [self.encode(item, depth + 1, inner) for item in value]
                if name in ("set", "frozenset"):
                    items.sort(key=dumps)
                return [name, items]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = [
                [self.spend(field.name), self.encode(getattr(value, field.name), depth + 1, inner)]
                for field in dataclasses.fields(value)
            ]
            return ["dataclass", self.spend(f"{kind.__module__}.{kind.__qualname__}"), fields]
        return self.opaque(value)

    def opaque(self, value, shown=None):
        if shown is None:
            try:
                shown = repr(value)
            except Exception:
                shown = f"<{type(value).__name__} that could not be shown>"
            if not isinstance(shown, str):
                shown = f"<{type(value).__name__}>"
        shown = shown[:REPR_LIMIT] + ("..." if len(shown) > REPR_LIMIT else "")
        return ["opaque", self.spend(type(value).__name__), self.spend(shown)]


_classes = {}


def _class(tag, name, *fields):
    """One class per (tag, name, fields), made once: decoded values of the same type share it."""
    key = (tag, name, fields)
    if key not in _classes:
        short = name.rsplit(".", 1)[-1]
        if tag == "opaque":
            _classes[key] = type(short, (Opaque,), {"__slots__": ()})
        else:  # make_dataclass refuses a name or field that is not an identifier
            _classes[key] = dataclasses.make_dataclass(short, fields, frozen=True)
    return _classes[key]


def _text(item):
    if not isinstance(item, str):
        raise Malformed(f"expected text, got {type(item).__name__}")
    return item


def _items(item):
    if not isinstance(item, list):
        raise Malformed(f"expected a list, got {type(item).__name__}")
    return item


def _decode(data, depth):
    if depth > DEPTH_LIMIT + 1:
        raise Malformed("nested deeper than any encoding")
    if not isinstance(data, list) or not data or not isinstance(data[0], str):
        raise Malformed(f"not an encoded value: {str(data)[:80]}")
    tag, rest = data[0], data[1:]
    shape = {"none": 1, "dataclass": 3, "opaque": 3}.get(tag, 2)
    if len(data) != shape:
        raise Malformed(f"a {tag!r} value has {len(data) - 1} parts")
    if tag == "none":
        return None
    if tag == "bool":
        if not isinstance(rest[0], bool):
            raise Malformed("a bool must be true or false")
        return rest[0]
    if tag == "int":
        text = _text(rest[0])
        if not text.lstrip("-").isdigit():
            raise Malformed(f"{text[:40]!r} is not an integer")
        return int(text)
    if tag == "float":
        return float(_text(rest[0]))
    if tag == "str":
        return _text(rest[0])
    if tag == "fraction":
        numerator, denominator = _text(rest[0]).split("/")
        return Fraction(int(numerator), int(denominator))
    if tag in SEQUENCES:
        return SEQUENCES[tag](_decode(item, depth + 1) for item in _items(rest[0]))
    if tag == "dict":
        pairs = [_items(pair) for pair in _items(rest[0])]
        if any(len(pair) != 2 for pair in pairs):
            raise Malformed("a dict's items are [key, value] pairs")
        return {_decode(k, depth + 1): _decode(v, depth + 1) for k, v in pairs}
    if tag == "dataclass":
        fields = [_items(field) for field in _items(rest[1])]
        if any(len(field) != 2 for field in fields):
            raise Malformed("a dataclass's fields are [name, value] pairs")
        names = tuple(_text(name) for name, _ in fields)
        made = _class(tag, _text(rest[0]), *names)
        return made(*(_decode(value, depth + 1) for _, value in fields))
    if tag == "opaque":
        return _class(tag, _text(rest[0]))(_text(rest[1]))
    raise Malformed(f"unknown type tag {tag!r}")
