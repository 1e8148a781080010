"""Saving over a profile someone edited by hand, keeping their comments and key order.

A profile Aspire wrote itself is rewritten whole with tomli-w (fast). One that a person
has edited is updated in place with tomlkit: only the values that changed are replaced, so
comments, blank lines and the order of keys stay as they wrote them. The result is read
back and must hold exactly the data meant to be saved; if it does not, the plain rewrite
is used, because the words matter more than the layout.
"""

from __future__ import annotations

import tomllib
from typing import Any


def render_new(data: dict[str, Any]) -> str:
    import tomli_w

    text: str = tomli_w.dumps(data, multiline_strings=True)
    return text


def render_over(old_text: str, data: dict[str, Any]) -> str:
    """`data` as TOML, laid out like `old_text` wherever the two agree on the keys."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        doc = tomlkit.parse(old_text)
        _update(doc, data)
        text = tomlkit.dumps(doc)
    except (TOMLKitError, ValueError, TypeError, RecursionError):
        return render_new(data)
    try:
        if tomllib.loads(text) == _plain(data):
            return text
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        pass
    return render_new(data)


def _plain(value: Any) -> Any:
    """What tomllib reads back for `value`: tuples become lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _update(table: Any, data: dict[str, Any]) -> None:
    """Make the tomlkit container `table` hold `data`, touching only what differs."""
    from tomlkit.items import AoT, InlineTable, Table

    for key in [k for k in table if k not in data]:
        del table[key]
    for key, value in data.items():
        if key not in table:
            table[key] = _item(value)
            continue
        current = table[key]
        if isinstance(value, dict) and isinstance(current, Table | InlineTable):
            _update(current, value)
        elif isinstance(current, AoT) and _tables(value):
            tables = list(current)
            for old, new in zip(tables, value, strict=False):
                _update(old, new)
            for _ in range(len(tables) - len(value)):
                del current[len(current) - 1]
            for new in value[len(tables) :]:
                current.append(_table(new))
        elif _plain(current.unwrap() if hasattr(current, "unwrap") else current) != _plain(value):
            table[key] = _item(value)


def _tables(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _item(value: Any) -> Any:
    import tomlkit

    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    if isinstance(value, dict):
        return _table(value)
    if _tables(value) and value:
        aot = tomlkit.aot()
        for v in value:
            aot.append(_table(v))
        return aot
    return tomlkit.item(value)


def _table(data: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for key, value in data.items():
        table[key] = _item(value)
    return table
