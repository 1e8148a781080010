"""The plugin host: finds scorers (built in and installed) and keeps a broken one from
breaking the rest. Every plugin is loaded inside its own error handling."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from typing import Any

import pluggy

from . import hookspecs
from .scorer import Scorer

BUILTIN_MODULES: tuple[str, ...] = (
    "aspire_tui.scorers.alignment",
    "aspire_tui.scorers.commitment",
    "aspire_tui.scorers.realism",
    "aspire_tui.scorers.specificity",
)

_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


@dataclass
class PluginInfo:
    """One plugin as the host sees it, loaded or not."""

    name: str
    builtin: bool
    distribution: str | None = None
    version: str | None = None
    scorers: list[str] = field(default_factory=list)
    error: str | None = None
    import_ms: float = 0.0
    enabled: bool = True
    vocabulary: dict[str, int] = field(default_factory=dict)  # concept -> phrases added

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def status(self) -> str:
        if not self.enabled:
            return "disabled"
        return "ok" if self.error is None else "failed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "builtin": self.builtin,
            "distribution": self.distribution,
            "version": self.version,
            "enabled": self.enabled,
            "status": self.status,
            "scorers": self.scorers,
            "error": self.error,
            "import_ms": round(self.import_ms, 2),
            "vocabulary": dict(self.vocabulary),
        }


@dataclass
class PluginHost:
    """The loaded plugins and the scorers they provide, in a stable order."""

    manager: pluggy.PluginManager
    plugins: list[PluginInfo]
    scorers: list[Scorer]

    def scorer(self, scorer_id: str) -> Scorer | None:
        return next((s for s in self.scorers if s.id == scorer_id), None)

    @property
    def failures(self) -> list[PluginInfo]:
        return [p for p in self.plugins if not p.ok]


class _Manager(pluggy.PluginManager):
    """Looks only at names that can be Aspire hooks: pluggy otherwise inspects every
    attribute of every plugin module, which adds up at start-up with many plugins."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> Any:
        if not name.startswith("aspire_"):
            return None
        return super().parse_hookimpl_opts(plugin, name)


def new_manager() -> pluggy.PluginManager:
    manager = _Manager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


LOAD_ENV = "ASPIRE_LOAD_PLUGINS"
DISABLE_ENV = "ASPIRE_DISABLE_PLUGINS"


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def plugin_selection(environ: dict[str, str] | None = None) -> tuple[set[str] | None, set[str]]:
    """(installed plugins to load, or None for all; plugins to leave off) from the
    environment. ASPIRE_DISABLE_PLUGINS wins over ASPIRE_LOAD_PLUGINS."""
    env = os.environ if environ is None else environ
    return _names(env.get(LOAD_ENV)), _names(env.get(DISABLE_ENV)) or set()


def load_host(*, builtins: bool = True, installed: bool = True) -> PluginHost:
    """Load the built-in scorers and every installed plugin that imports cleanly.

    Plugins left off by ASPIRE_LOAD_PLUGINS / ASPIRE_DISABLE_PLUGINS are listed from their
    metadata but their code is never imported."""
    manager = new_manager()
    infos: list[PluginInfo] = []
    load, disable = plugin_selection()
    if builtins:
        import importlib

        for module_name in BUILTIN_MODULES:
            info = PluginInfo(name=module_name.rsplit(".", 1)[1], builtin=True)
            if info.name in disable:
                info.enabled = False
            else:
                _register(manager, info, lambda m=module_name: importlib.import_module(m))
            infos.append(info)
    if installed:
        for ep in _entry_points():
            info = PluginInfo(
                name=ep.name,
                builtin=False,
                distribution=getattr(ep, "distribution", None),
                version=getattr(ep, "version", None),
            )
            if ep.name in disable or (load is not None and ep.name not in load):
                info.enabled = False
            else:
                _register(manager, info, ep.load)
            infos.append(info)
    scorers = _collect_scorers(manager, infos)
    _collect_vocabulary(manager, infos)
    return PluginHost(manager, infos, scorers)


def _entry_points() -> list[Any]:
    from .discovery import entry_points

    return sorted(entry_points(hookspecs.ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _register(manager: pluggy.PluginManager, info: PluginInfo, load: Any) -> None:
    started = time.perf_counter()
    try:
        plugin = load()
        if manager.has_plugin(info.name):
            raise ValueError(f"another plugin is already named {info.name!r}")
        manager.register(plugin, name=info.name)
    except (Exception, SystemExit) as exc:  # a broken plugin is reported, never fatal
        info.error = _one_line(exc)
    finally:
        info.import_ms = (time.perf_counter() - started) * 1000


def _collect_scorers(manager: pluggy.PluginManager, infos: list[PluginInfo]) -> list[Scorer]:
    """Ask each plugin for its scorers separately, so one raising cannot hide the others."""
    by_name = {info.name: info for info in infos}
    hook_args: dict[str, Any] = {}  # arguments the hook gains later are offered here
    seen: set[str] = set()
    scorers: list[Scorer] = []
    order = {info.name: i for i, info in enumerate(infos)}
    impls = sorted(
        manager.hook.aspire_scorers.get_hookimpls(),
        key=lambda impl: order.get(impl.plugin_name, len(order)),
    )
    for impl in impls:
        info = by_name.get(impl.plugin_name) or PluginInfo(impl.plugin_name, builtin=False)
        try:
            result: Any = impl.function(*[hook_args[a] for a in impl.argnames])
            provided: list[Any] = list(result or [])
            for scorer in provided:
                _check_scorer(scorer, seen)
                seen.add(scorer.id)
                scorers.append(scorer)
                info.scorers.append(scorer.id)
        except (Exception, SystemExit) as exc:  # even one calling sys.exit()
            info.error = _one_line(exc)
    return scorers


def _collect_vocabulary(manager: pluggy.PluginManager, infos: list[PluginInfo]) -> None:
    """Each plugin's phrases join the coach's concepts; what was added by plugins no
    longer loaded is dropped. A bad vocabulary fails that plugin alone."""
    from .scorers import lexicon

    by_name = {info.name: info for info in infos}
    lexicon.forget_all()
    for impl in manager.hook.aspire_vocabulary.get_hookimpls():
        info = by_name.get(impl.plugin_name) or PluginInfo(impl.plugin_name, builtin=False)
        try:
            result: Any = impl.function()
            if not isinstance(result, dict):
                raise TypeError("aspire_vocabulary must return a dict of concept -> phrases")
            lexicon.extend(impl.plugin_name, result)
            info.vocabulary = {k: len(v) for k, v in result.items()}
        except (Exception, SystemExit) as exc:
            info.error = f"vocabulary: {_one_line(exc)}"


def _check_scorer(scorer: Any, seen: set[str]) -> None:
    scorer_id = getattr(scorer, "id", None)
    if not isinstance(scorer_id, str) or not _VALID_ID.match(scorer_id):
        raise TypeError(f"scorer {scorer!r} needs an id of letters, digits, '-' and '_'")
    if not callable(getattr(scorer, "score", None)):
        raise TypeError(f"scorer {scorer_id!r} has no score() method")
    if scorer_id in seen:
        raise ValueError(f"scorer id {scorer_id!r} is already taken by another plugin")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    return f"{type(exc).__name__}: {text}"
