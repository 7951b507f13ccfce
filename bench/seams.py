"""Find the public entry points of packages built in parallel (feeds, digests) — or learn they are absent.

Each benchmark that needs one names the `module:function` places it may live; the first that
imports is used. When none does, the benchmark reports the piece as "not present" in this build.
"""
from __future__ import annotations

import importlib
from typing import Callable


def find_public(candidates: tuple[str, ...]) -> tuple[str, Callable] | None:
    """The first `module:function` among `candidates` that exists, with its name; None if none does."""
    for candidate in candidates:
        module_name, _, function_name = candidate.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, function_name, None)
        if callable(function):
            return candidate, function
    return None
