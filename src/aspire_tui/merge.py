"""Joining two edits of one profile: this window's and the file's, from the same start.

A profile is a set of fields and drafts, so two people (or two windows) usually touch
different parts of it: one rewrites a draft while the other fills in the research. Where
only one side changed a value, that side wins; where both changed it the same way, fine;
where both changed it differently, it is a conflict and the user chooses. Drafts are
matched by position; drafts added on either side are all kept.
"""

from __future__ import annotations

from typing import Any

_GONE = object()


def merge3(base: Any, mine: Any, theirs: Any, path: str = "") -> tuple[Any, list[str]]:
    """The merged value and the key paths where both sides changed it differently."""
    if _same(mine, theirs):
        return mine, []
    if _same(mine, base):
        return theirs, []
    if _same(theirs, base):
        return mine, []
    if all(isinstance(v, dict) for v in (base, mine, theirs)):
        return _merge_tables(base, mine, theirs, path)
    if base is _GONE and _is_list_of_tables(mine) and _is_list_of_tables(theirs):
        base = []  # rows both sides started (the first rehearsals): all are kept
    if all(_is_list_of_tables(v) for v in (base, mine, theirs)):
        return _merge_rows(base, mine, theirs, path)
    return mine, [path or "(top level)"]


def _merge_tables(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], path: str
) -> tuple[dict[str, Any], list[str]]:
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        value, problems = merge3(
            base.get(key, _GONE), mine.get(key, _GONE), theirs.get(key, _GONE), _join(path, key)
        )
        conflicts += problems
        if value is not _GONE:
            merged[key] = value
    return merged, conflicts


def _merge_rows(
    base: list[Any], mine: list[Any], theirs: list[Any], path: str
) -> tuple[list[Any], list[str]]:
    rows: list[Any] = []
    conflicts: list[str] = []
    for i, old in enumerate(base):
        a = mine[i] if i < len(mine) else _GONE
        b = theirs[i] if i < len(theirs) else _GONE
        value, problems = merge3(old, a, b, f"{path}[{i}]")
        conflicts += problems
        if value is not _GONE:
            rows.append(value)
    added_mine, added_theirs = mine[len(base) :], theirs[len(base) :]
    rows += added_mine
    rows += [row for row in added_theirs if not any(_same(row, m) for m in added_mine)]
    return rows, conflicts


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _GONE and b is not _GONE and a == b)


def _is_list_of_tables(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
