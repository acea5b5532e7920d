"""Walk every module-level value of the installed ``course`` package, as a learner's kernel
imports it, and say where an item's text sits beside one of its own-case labels.

Run as a script (``python -m tests.package_walk``) with the pools on stdin as JSON,
``{pool: {text: [label, ...]}}``; prints JSON ``{pool: [[module, name, text, label], ...]}``.
It runs in a fresh process, with ``LEVERAGE_GRADER_KEYS`` naming an empty folder and the
working folder elsewhere, so that nothing it walks can have read the keys."""

import dataclasses
import importlib
import json
import pkgutil
import sys
import types
from collections.abc import Mapping

import course

#: How deep the walk follows containers from a module-level value.
DEPTH = 8


def _members(value):
    """What ``value`` holds directly: a mapping's keys and values, a collection's items, a
    dataclass's fields (stored ones only: a property that reads the keys is not walked),
    a course object's attributes."""
    if isinstance(value, Mapping | types.MappingProxyType):
        return [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [getattr(value, f.name) for f in dataclasses.fields(value)]
    owner = getattr(type(value), "__module__", "") or ""
    if owner.startswith("course") and hasattr(value, "__dict__"):
        return list(vars(value).values())
    return []


def _near(value):
    """The strings ``value`` holds directly or one collection down."""
    near = set()
    for member in _members(value):
        if isinstance(member, str):
            near.add(member)
        elif isinstance(member, list | tuple | set | frozenset):
            near.update(m for m in member if isinstance(m, str))
    return near


def walk(pools):
    found = {pool: [] for pool in pools}
    seen = set()
    modules = [course]
    for info in pkgutil.walk_packages(course.__path__, "course."):
        modules.append(importlib.import_module(info.name))
    for module in modules:
        stack = [
            (name, value, 0)
            for name, value in vars(module).items()
            if not isinstance(value, types.ModuleType)
            and not (isinstance(value, type) and value.__module__ != module.__name__)
        ]
        while stack:
            name, value, depth = stack.pop()
            if id(value) in seen or depth > DEPTH or isinstance(value, str | int | float):
                continue
            seen.add(id(value))
            if isinstance(value, type):
                members = [v for k, v in vars(value).items() if not k.startswith("__")]
            else:
                near = _near(value)
                for pool, labels in pools.items():
                    for text in near & labels.keys():
                        for label in set(labels[text]) & near:
                            found[pool].append([module.__name__, name, text, label])
                members = _members(value)
            stack.extend((name, member, depth + 1) for member in members)
    return found


if __name__ == "__main__":
    print(json.dumps(walk(json.load(sys.stdin))))
