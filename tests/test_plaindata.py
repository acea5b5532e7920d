"""The plain-data encoding that carries a learner's values out of the kernel: every type the
checks tell apart survives the round trip, anything else stays opaque, and nothing can be
made to run or to grow without bound while the grader decodes."""

import json
import math
from collections import OrderedDict, namedtuple
from dataclasses import dataclass
from enum import IntEnum
from fractions import Fraction
from types import MappingProxyType

import numpy as np
import pytest

from course.checks.plaindata import (
    SIZE_LIMIT,
    Malformed,
    Opaque,
    TooLarge,
    decode,
    digest,
    dumps,
    encode,
)


def round_trip(value):
    """Through JSON text too, as the value travels in a notebook's outputs."""
    return decode(json.loads(json.dumps(encode(value))))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -12,
        10**40,
        0.1,
        -0.0,
        1e308,
        5e-324,
        "",
        "Harbor Bank ✓",
        (),
        (1, "a", None),
        [1, [2, [3.5]]],
        {1, 2, 3},
        frozenset({"Kestrel", "Atlas"}),
        {"a": 1, 2: "b", (1, 2): [3], frozenset({"x"}): None},
        Fraction(2, 3),
        [(0.4, 110_000), (0.6, [(0.5, 1), (0.5, 2)])],
    ],
)
def test_a_value_comes_back_equal_and_of_the_same_type(value):
    back = round_trip(value)
    assert back == value and type(back) is type(value)
    if isinstance(value, float):
        assert math.copysign(1, back) == math.copysign(1, value)  # -0.0 stays negative


def test_nan_and_infinities_come_back():
    back = round_trip([math.nan, math.inf, -math.inf])
    assert math.isnan(back[0]) and back[1:] == [math.inf, -math.inf]


def test_a_dict_keeps_its_order():
    value = {"c": 1, "a": 2, "b": 3}
    assert list(round_trip(value)) == ["c", "a", "b"]


def test_a_set_encodes_the_same_whatever_its_order():
    """The kernel and the grader run with different hash seeds: a set's digest must agree."""
    assert encode({"zeta", "alpha", "mid"}) == encode({"mid", "zeta", "alpha"})
    assert digest(encode({3, 1, 2})) == digest(encode({2, 3, 1}))


def test_subclasses_and_numpy_values_become_what_they_behave_as():
    Pair = namedtuple("Pair", "name value")

    class Level(IntEnum):
        HIGH = 3

    assert type(round_trip(Pair("a", 1))) is tuple
    assert round_trip(Level.HIGH) == 3 and type(round_trip(Level.HIGH)) is int
    assert round_trip(OrderedDict(a=1)) == {"a": 1}
    assert round_trip(MappingProxyType({"a": 1})) == {"a": 1}
    assert round_trip(np.float64(0.25)) == 0.25 and type(round_trip(np.float64(0.25))) is float
    assert type(round_trip(np.int64(7))) is int and type(round_trip(np.bool_(True))) is bool
    assert round_trip(np.array([[1, 2], [3, 4]])) == [[1, 2], [3, 4]]


def test_a_float_that_lies_about_equality_is_carried_as_its_value():
    class Same(float):
        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

    back = round_trip(Same(1.5))
    assert type(back) is float and back == 1.5 and back != 2.0


def test_a_dataclass_comes_back_with_its_name_and_fields():
    @dataclass(frozen=True)
    class Offer:
        price: float
        terms: tuple

    back = round_trip(Offer(10.0, ("net 30",)))
    assert type(back).__name__ == "Offer"
    assert (back.price, back.terms) == (10.0, ("net 30",))


def test_anything_else_is_opaque_with_its_type_name_and_repr():
    class Sneaky:
        def __eq__(self, other):
            return True

        def __repr__(self):
            return "Sneaky()"

    back = round_trip(Sneaky())
    assert isinstance(back, Opaque)
    assert type(back).__name__ == "Sneaky" and repr(back) == "Sneaky()"
    assert back != back.__class__("Sneaky()")  # equal to nothing but itself
    assert type(round_trip(1 + 2j)).__name__ == "complex"


def test_an_opaque_repr_is_cut_short():
    class Loud:
        def __repr__(self):
            return "x" * 10_000

    assert len(repr(round_trip(Loud()))) < 300


def test_a_value_whose_methods_fail_is_opaque_not_an_error():
    class Broken(list):
        def __iter__(self):
            raise RuntimeError("no")

    class Unshowable:
        def __repr__(self):
            raise RuntimeError("no")

    assert isinstance(round_trip(Broken([1])), Opaque)
    assert "could not be shown" in repr(round_trip(Unshowable()))


def test_a_value_that_contains_itself_is_cut_where_it_repeats():
    loop = [1]
    loop.append(loop)
    back = round_trip(loop)
    assert back[0] == 1 and isinstance(back[1], Opaque)


def test_deep_nesting_is_cut():
    deep = []
    for _ in range(500):
        deep = [deep]
    back = round_trip(deep)
    depth = 0
    while isinstance(back, list):
        back, depth = back[0], depth + 1
    assert isinstance(back, Opaque) and depth < 100


def test_the_size_limit_holds():
    encode("x" * (SIZE_LIMIT - 100))
    for too_big in ("x" * (SIZE_LIMIT + 1), [0.5] * SIZE_LIMIT, [None] * SIZE_LIMIT):
        with pytest.raises(TooLarge):
            encode(too_big)
    with pytest.raises(TooLarge):
        encode(np.zeros(10**6))


@pytest.mark.parametrize(
    "data",
    [
        "not a list",
        [],
        ["int", "12x"],
        ["int", 12],
        ["bool", "yes"],
        ["float", "pi"],
        ["tuple", "abc"],
        ["set", [["list", []]]],  # a list cannot be in a set
        ["dict", [[["str", "a"]]]],
        ["dataclass", "X", [["not an identifier", ["none"]]]],
        ["dataclass", "X", [["class", ["none"]]]],
        ["fraction", "1/0"],
        ["pickle", "gASVAAAAAAAAAAB9lC4="],
        ["none", "extra"],
    ],
)
def test_data_no_encoding_makes_is_refused(data):
    with pytest.raises(Malformed):
        decode(data)


def test_deeply_nested_data_is_refused_not_recursed():
    data = ["none"]
    for _ in range(10_000):
        data = ["list", [data]]
    with pytest.raises(Malformed):
        decode(data)


def test_dumps_is_canonical():
    assert dumps(encode({"b": 1.0, "a": [None]})) == (
        '["dict",[[["str","b"],["float","1.0"]],[["str","a"],["list",[["none"]]]]]]'
    )
