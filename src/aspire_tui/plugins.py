"""The plugin host: finds scorers (built in and installed) and keeps a broken one from
breaking the rest.

Installed plugins are imported and asked for their scorers on a daemon worker thread, each
call given `LOAD_LIMIT` seconds: one that hangs costs start-up that long once, is listed as
hung, and never holds up the others or the exit. Aspire's own scoring code is compared
before and after each plugin runs, so a plugin that replaces part of it is named, the
original is put back and its scorers are left out. Built-in scorers are those the host
registered itself; nothing a plugin's class says about itself makes it one.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

import pluggy

from . import hookspecs
from .engine import one_line
from .errors import AspireError
from .scorer import Scorer

if TYPE_CHECKING:
    from .keypoints import PointKind

BUILTIN_MODULES: tuple[str, ...] = (
    "aspire_tui.scorers.alignment",
    "aspire_tui.scorers.commitment",
    "aspire_tui.scorers.realism",
    "aspire_tui.scorers.specificity",
)

#: Seconds an installed plugin may take to import, and again to hand over its scorers or
#: its vocabulary. Past it Aspire goes on without that plugin.
LOAD_LIMIT = 1.5

_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")

#: Scorers handed over by the host's own built-in registration, by identity: a plugin's
#: object cannot join by claiming a module name, an equality or a hash.
_BUILTIN: weakref.WeakValueDictionary[int, Scorer] = weakref.WeakValueDictionary()


def is_builtin(scorer: Scorer) -> bool:
    """True for a scorer the host registered as built in (run without a time limit)."""
    return _BUILTIN.get(id(scorer)) is scorer


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
    key_points: list[str] = field(default_factory=list)  # kinds of key point added
    hung: bool = False
    changed: list[str] = field(default_factory=list)  # Aspire's code it replaced
    disabled_by: str | None = None  # SAVED, DISABLE_ENV or LOAD_ENV, for a plugin left off

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def status(self) -> str:
        if not self.enabled:
            return "disabled"
        if self.hung:
            return "hung"
        if self.changed:
            return "tampered"
        return "ok" if self.error is None else "failed"

    def advice(self) -> str:
        return (
            f"`aspire plugins disable {self.name}` leaves it off "
            f"({DISABLE_ENV}={self.name} for one run)"
        )

    def problem(self) -> str:
        """What went wrong and what the user can do, in one line (no plugin name)."""
        what = {"hung": "hung", "tampered": "changed Aspire's own code"}.get(self.status, "failed")
        return f"{what}: {self.error}; {self.advice()}"

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
            "key_points": list(self.key_points),
            "changed": list(self.changed),
            "disabled_by": self.disabled_by,
        }


@dataclass
class PluginHost:
    """The loaded plugins and the scorers they provide, in a stable order."""

    manager: pluggy.PluginManager
    plugins: list[PluginInfo]
    scorers: list[Scorer]
    #: kinds of key point the plugins add (see `keypoints.plugin_kinds`)
    point_kinds: list[PointKind] = field(default_factory=list)

    def scorer(self, scorer_id: str) -> Scorer | None:
        return next((s for s in self.scorers if s.id == scorer_id), None)

    def is_builtin(self, scorer: Scorer) -> bool:
        return is_builtin(scorer)

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
#: `disabled_by` of a plugin left off by `aspire plugins disable` (saved in the config).
SAVED = "aspire plugins disable"


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def plugin_selection(environ: dict[str, str] | None = None) -> tuple[set[str] | None, set[str]]:
    """(installed plugins to load, or None for all; plugins to leave off) from the
    environment. ASPIRE_DISABLE_PLUGINS wins over ASPIRE_LOAD_PLUGINS."""
    env = os.environ if environ is None else environ
    return _names(env.get(LOAD_ENV)), _names(env.get(DISABLE_ENV)) or set()


def left_off_by(
    name: str, builtin: bool, load: set[str] | None, disable: set[str], saved: set[str]
) -> str | None:
    """Why a plugin stays off (None: it loads). Any one reason is enough: the saved list
    and the environment add up, and built-ins ignore the load list (it names installed
    plugins)."""
    if name in saved:
        return SAVED
    if name in disable:
        return DISABLE_ENV
    if not builtin and load is not None and name not in load:
        return LOAD_ENV
    return None


# ---- the user's config: plugins left off by `aspire plugins disable` ----------------------

CONFIG_FILE = "config.toml"
_CONFIG_LIMIT = 1_000_000
_CONFIG_KEYS = {"plugins": {"disabled"}}
_CONFIG_HEAD = (
    "# Aspire's settings. `aspire plugins disable NAME` and `aspire plugins enable NAME`\n"
    "# edit [plugins] disabled: plugins listed there are never loaded.\n"
)


class ConfigError(AspireError):
    """The config file cannot be used: one line naming the file and the fix."""


def config_path() -> Path:
    """The config file in the user's data folder (`ASPIRE_HOME` moves it with the rest)."""
    from .storage import data_home

    return data_home() / CONFIG_FILE


def saved_disabled(path: Path | None = None) -> list[str]:
    """Plugins `aspire plugins disable` left off, in the order they were disabled; none
    without a config file. A file Aspire cannot use is a `ConfigError`, never a guess:
    loading a plugin the user turned off would be worse than stopping with one line."""
    import stat
    import tomllib

    path = config_path() if path is None else path
    fix = "fix it, or remove it to load every plugin"
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block every start
            raise ConfigError(f"{path}: not a regular file; {fix}")
        if info.st_size > _CONFIG_LIMIT:
            raise ConfigError(f"{path}: too large for a config file; {fix}")
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); {fix}"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {one_line(exc)}; {fix}") from None
    except (OSError, RecursionError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else one_line(exc)
        raise ConfigError(f"{path}: cannot read: {reason}; {fix}") from None
    _check_keys(path, data, _CONFIG_KEYS, "")
    plugins = data.get("plugins", {})
    if not isinstance(plugins, dict):
        raise ConfigError(f"{path}: plugins must be a table ([plugins]); {fix}")
    names = plugins.get("disabled", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(
            f'{path}: plugins.disabled must be a list of names, such as ["delivery"]; {fix}'
        )
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _check_keys(path: Path, data: dict[str, Any], allowed: dict[str, Any], prefix: str) -> None:
    import difflib

    for key, value in data.items():
        if key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
            hint = f"did you mean {prefix}{close[0]}?" if close else "remove it"
            raise ConfigError(f"{path}: {prefix}{key}: unknown key; {hint}")
        inner = allowed[key]
        if isinstance(inner, set) and isinstance(value, dict):
            _check_keys(path, value, dict.fromkeys(inner), f"{prefix}{key}.")


def save_disabled(names: list[str], path: Path | None = None) -> Path:
    """Save the plugins to leave off: atomically, mode 0600, in a private folder; the
    rest of the file (comments, layout) is kept as the user wrote it."""
    import tomlkit

    from .storage import atomic_write, private_dir

    path = config_path() if path is None else path
    saved_disabled(path)  # never write over a file that does not read
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = _CONFIG_HEAD
    try:
        doc = tomlkit.parse(text)
        table = doc.get("plugins")
        if table is None:
            table = tomlkit.table()
            doc["plugins"] = table
        table["disabled"] = list(names)
        data = tomlkit.dumps(doc).encode("utf-8")
    except Exception as exc:  # tomlkit reads some files tomllib accepts otherwise
        raise ConfigError(
            f"{path}: cannot be updated ({one_line(exc)}); edit [plugins] disabled by hand"
        ) from None
    private_dir(path.parent)
    atomic_write(path, data)
    return path


def known_plugins() -> dict[str, str]:
    """Every plugin's name and where it comes from ("built in", or its distribution and
    version), from metadata alone: nothing is imported."""
    known = {module.rsplit(".", 1)[1]: "built in" for module in BUILTIN_MODULES}
    for ep in _entry_points():
        if ep.name not in known:
            origin = (
                f"{getattr(ep, 'distribution', None) or '?'} {getattr(ep, 'version', '') or ''}"
            )
            known[ep.name] = origin.strip()
    return known


def load_host(*, builtins: bool = True, installed: bool = True) -> PluginHost:
    """Load the built-in scorers and every installed plugin that imports cleanly.

    Plugins left off by `aspire plugins disable` (the config file), ASPIRE_DISABLE_PLUGINS
    or ASPIRE_LOAD_PLUGINS are listed from their metadata, but their code is never
    imported. A config file that cannot be read is a `ConfigError`."""
    import importlib

    manager = new_manager()
    infos: list[PluginInfo] = []
    owners: dict[str, PluginInfo] = {}  # registered name -> the plugin it was registered for
    load, disable = plugin_selection()
    saved = set(saved_disabled())
    if builtins:
        for module_name in BUILTIN_MODULES:
            info = PluginInfo(name=module_name.rsplit(".", 1)[1], builtin=True)
            info.disabled_by = left_off_by(info.name, True, load, disable, saved)
            if info.disabled_by:
                info.enabled = False
            else:
                started = time.perf_counter()
                try:
                    _register(manager, info, importlib.import_module(module_name), owners)
                except Exception as exc:  # a built-in that fails is reported like any other
                    info.error = one_line(exc)
                info.import_ms = (time.perf_counter() - started) * 1000
            infos.append(info)
    scorers: list[Scorer] = []
    seen: set[str] = set()
    _add_scorers(scorers, seen, _call_builtins(manager.hook.aspire_scorers, owners, _scorers_of))
    for scorer in scorers:
        _BUILTIN[id(scorer)] = scorer
    vocabularies = _call_builtins(manager.hook.aspire_vocabulary, owners, _vocabulary_of)
    point_kinds = _call_builtins(manager.hook.aspire_key_points, owners, _dict_of)
    if installed:
        watch = Watch()  # after the built-ins: what they set up is the baseline
        pending: list[tuple[PluginInfo, Any]] = []
        for ep in _entry_points():
            info = PluginInfo(
                name=ep.name,
                builtin=False,
                distribution=getattr(ep, "distribution", None),
                version=getattr(ep, "version", None),
            )
            info.disabled_by = left_off_by(ep.name, False, load, disable, saved)
            if info.disabled_by:
                info.enabled = False
            else:
                pending.append((info, ep))
            infos.append(info)
        _load_installed(manager, pending, owners, watch)
        _add_scorers(
            scorers, seen, _call_installed(manager.hook.aspire_scorers, owners, watch, _scorers_of)
        )
        vocabularies += _call_installed(
            manager.hook.aspire_vocabulary, owners, watch, _vocabulary_of
        )
        point_kinds += _call_installed(manager.hook.aspire_key_points, owners, watch, _dict_of)
        late = watch.restore()  # a plugin left running past its limit may act later
        if late:
            loaded = [i for i in infos if not i.builtin and i.enabled]
            _blame([i for i in loaded if i.hung] or loaded, late, "while Aspire loaded plugins")
        scorers = _without_distrusted(scorers, infos)
    _apply_vocabulary(vocabularies)
    return PluginHost(manager, infos, scorers, _point_kinds(point_kinds))


def _without_distrusted(scorers: list[Scorer], infos: list[PluginInfo]) -> list[Scorer]:
    """The scorers, less those of plugins that hung or changed Aspire's code after they
    handed them over: Aspire went on without those plugins."""
    dropped: set[str] = set()
    for info in infos:
        if info.hung or info.changed:
            dropped.update(info.scorers)
            info.scorers = []
    return [s for s in scorers if s.id not in dropped] if dropped else scorers


def _entry_points() -> list[Any]:
    from .discovery import entry_points

    return sorted(entry_points(hookspecs.ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _register(
    manager: pluggy.PluginManager, info: PluginInfo, plugin: Any, owners: dict[str, PluginInfo]
) -> None:
    if manager.has_plugin(info.name):
        raise ValueError(f"another plugin is already named {info.name!r}")
    manager.register(plugin, name=info.name)
    owners[info.name] = info


def _load_installed(
    manager: pluggy.PluginManager,
    pending: list[tuple[PluginInfo, Any]],
    owners: dict[str, PluginInfo],
    watch: Watch,
) -> None:
    """Import each plugin on a worker thread (see `run_guarded`), register it here."""
    outcomes = run_guarded([partial(_import, ep) for _, ep in pending], watch.restore)
    for (info, _), outcome in zip(pending, outcomes, strict=True):
        info.import_ms = outcome.ms
        if outcome.hung:
            info.hung = True
            info.error = (
                f"no answer within {LOAD_LIMIT:g} s while importing, so Aspire went on without it"
            )
        elif outcome.changed:
            _blame([info], outcome.changed, "while importing")
        elif outcome.error is not None:
            info.error = one_line(outcome.error)
        else:
            try:
                _register(manager, info, outcome.value, owners)
            except Exception as exc:  # a broken plugin is reported, never fatal
                info.error = one_line(exc)


def _import(ep: Any) -> Any:
    """Load an entry point and touch its hook names, so a module whose attributes hang
    does so here, within the time limit, not later while pluggy registers it."""
    plugin = ep.load()
    for name in dir(plugin):
        if name.startswith("aspire_"):
            getattr(plugin, name)
    return plugin


def _blame(infos: list[PluginInfo], changed: tuple[str, ...], when: str) -> None:
    what = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    for info in infos:
        info.changed.extend(changed)
        info.error = (
            f"replaced {what} {when}; Aspire put the original back and left its scorers out"
        )


def _hook_call(impl: Any) -> Any:
    hook_args: dict[str, Any] = {}  # arguments the hook gains later are offered here
    return impl.function(*[hook_args[a] for a in impl.argnames])


def _scorers_of(impl: Any) -> list[tuple[str, Scorer]]:
    """Call one plugin's `aspire_scorers` and check each scorer (id, score method)."""
    provided: list[Any] = list(_hook_call(impl) or [])
    checked: list[tuple[str, Scorer]] = []
    for scorer in provided:
        scorer_id = getattr(scorer, "id", None)
        if not isinstance(scorer_id, str) or not _VALID_ID.match(scorer_id):
            raise TypeError(
                f"a {type(scorer).__name__} scorer needs an id of letters, digits, '-' and '_'"
            )
        if not callable(getattr(scorer, "score", None)):
            raise TypeError(f"scorer {scorer_id!r} has no score() method")
        checked.append((scorer_id, scorer))
    return checked


def _vocabulary_of(impl: Any) -> dict[str, Any]:
    result: Any = _hook_call(impl)
    if not isinstance(result, dict):
        raise TypeError("aspire_vocabulary must return a dict of concept -> phrases")
    return result


def _dict_of(impl: Any) -> dict[str, Any]:
    result: Any = _hook_call(impl)
    if not isinstance(result, dict):
        raise TypeError(f"{impl.function.__name__} must return a dict")
    return result


Given = tuple[PluginInfo, Any, BaseException | None]  # plugin, what its hook gave, its error


def _impls(hook: Any, owners: dict[str, PluginInfo], builtin: bool) -> list[Any]:
    """A hook's implementations of built-in or installed plugins, in the plugins' order."""
    order = {name: i for i, name in enumerate(owners)}
    impls = [
        impl
        for impl in hook.get_hookimpls()
        if impl.plugin_name in owners and owners[impl.plugin_name].builtin == builtin
    ]
    return sorted(impls, key=lambda impl: order[impl.plugin_name])


def _call_builtins(
    hook: Any, owners: dict[str, PluginInfo], fetch: Callable[[Any], Any]
) -> list[Given]:
    out: list[Given] = []
    for impl in _impls(hook, owners, builtin=True):
        try:
            out.append((owners[impl.plugin_name], fetch(impl), None))
        except Exception as exc:
            out.append((owners[impl.plugin_name], None, exc))
    return out


def _call_installed(
    hook: Any, owners: dict[str, PluginInfo], watch: Watch, fetch: Callable[[Any], Any]
) -> list[Given]:
    """Each installed plugin's hook on a worker thread, under the time limit; one that
    hangs or changes Aspire's code is reported and what it gave is dropped."""
    impls = [
        impl for impl in _impls(hook, owners, builtin=False) if _trusted(owners[impl.plugin_name])
    ]
    outcomes = run_guarded([partial(fetch, impl) for impl in impls], watch.restore)
    out: list[Given] = []
    for impl, outcome in zip(impls, outcomes, strict=True):
        info = owners[impl.plugin_name]
        if outcome.hung:
            info.hung = True
            info.error = (
                f"no answer within {LOAD_LIMIT:g} s from {hook.name}, so Aspire went on without it"
            )
        elif outcome.changed:
            _blame([info], outcome.changed, f"in {hook.name}")
        else:
            out.append((info, outcome.value, outcome.error))
    return out


def _trusted(info: PluginInfo) -> bool:
    return not (info.hung or info.changed)


def _add_scorers(scorers: list[Scorer], seen: set[str], given: list[Given]) -> None:
    """Scorers in the plugins' order; one plugin failing or reusing an id hides no other."""
    for info, provided, error in given:
        if error is None:
            ids = [sid for sid, _ in provided]
            taken = next((sid for i, sid in enumerate(ids) if sid in seen or sid in ids[:i]), None)
            if taken is None:
                for scorer_id, scorer in provided:
                    seen.add(scorer_id)
                    scorers.append(scorer)
                    info.scorers.append(scorer_id)
                continue
            error = ValueError(f"scorer id {taken!r} is already taken by another plugin")
        info.error = one_line(error)


def _apply_vocabulary(given: list[Given]) -> None:
    """Each plugin's phrases join the coach's concepts; what was added by plugins no
    longer loaded is dropped. A bad vocabulary fails that plugin alone."""
    from .scorers import lexicon

    lexicon.forget_all()
    for info, vocabulary, error in given:
        if not _trusted(info):  # it hung or changed Aspire's code after handing this over
            continue
        try:
            if error is not None:
                raise error
            lexicon.extend(info.name, vocabulary)
            info.vocabulary = {k: len(v) for k, v in vocabulary.items()}
        except Exception as exc:
            info.error = f"vocabulary: {one_line(exc)}"


def _point_kinds(given: list[Given]) -> list[PointKind]:
    """Each plugin's kinds of key point, checked after the vocabulary is in (their phrases
    may name its concepts); a bad kind fails that plugin alone, a taken id too."""
    from .keypoints import plugin_kinds

    kinds: list[PointKind] = []
    for info, provided, error in given:
        if not _trusted(info):
            continue
        try:
            if error is not None:
                raise error
            mine = plugin_kinds(info.name, provided)
            taken = next((k.id for k in mine if k.id in {o.id for o in kinds}), None)
            if taken is not None:
                raise ValueError(f"key point kind {taken!r} is already taken by another plugin")
        except Exception as exc:
            info.error = f"key points: {one_line(exc)}"
            continue
        kinds += mine
        info.key_points = [k.id for k in mine]
    return kinds


# ---- calls into plugin code with a time limit ---------------------------------------------


class Outcome(NamedTuple):
    """How one guarded call went: its value or error, or that it hung."""

    value: Any = None
    error: BaseException | None = None
    hung: bool = False
    ms: float = 0.0
    changed: tuple[str, ...] = ()  # Aspire's code found replaced after the call


class _Progress:
    """What the worker thread is doing, shared with the thread that waits for it."""

    def __init__(self) -> None:
        self.next = 0
        self.running = -1
        self.since = 0.0
        self.generation = 0


def run_guarded(
    calls: list[Callable[[], Any]],
    after: Callable[[], tuple[str, ...]] = tuple,
    limit: float | None = None,
) -> list[Outcome]:
    """Run `calls` one after another on a daemon thread, each within `limit` seconds
    (`LOAD_LIMIT`); `after` runs on that thread after each call.

    A call past its limit is left behind with its thread and the rest go on, on a fresh
    thread: a plugin that hangs costs start-up its limit once. Plain `_thread` threads
    never hold the process at exit. Anything a call raises, SystemExit and
    KeyboardInterrupt included, is its outcome, never an escape."""
    if not calls:
        return []
    import _thread

    limit = LOAD_LIMIT if limit is None else limit
    results: list[Outcome | None] = [None] * len(calls)
    progress = _Progress()
    guard = _thread.allocate_lock()
    finished = _thread.allocate_lock()
    finished.acquire()  # released by the worker once every call has an outcome

    def work(generation: int) -> None:
        while True:
            with guard:
                if progress.generation != generation:
                    return  # given up on while it ran: a newer thread took over
                index = progress.next
                if index >= len(calls):
                    finished.release()
                    return
                progress.next, progress.running = index + 1, index
                progress.since = time.monotonic()
            outcome = _attempt(calls[index], after)
            with guard:
                if progress.generation != generation:
                    return
                results[index] = outcome

    _thread.start_new_thread(work, (0,))
    while True:
        with guard:
            started = progress.since if progress.running >= 0 else time.monotonic()
        if finished.acquire(timeout=max(0.0, started + limit - time.monotonic())):
            break
        with guard:
            index = progress.running
            if index >= 0 and results[index] is None and time.monotonic() - progress.since >= limit:
                results[index] = Outcome(hung=True, ms=limit * 1000)
                progress.generation += 1
                progress.running = -1
                _thread.start_new_thread(work, (progress.generation,))
    return [r if r is not None else Outcome(hung=True) for r in results]


def _attempt(call: Callable[[], Any], after: Callable[[], tuple[str, ...]]) -> Outcome:
    started = time.perf_counter()
    value: Any = None
    error: BaseException | None = None
    try:
        value = call()
    except BaseException as exc:  # even sys.exit() or a KeyboardInterrupt it raises itself
        error = exc
    ms = (time.perf_counter() - started) * 1000
    try:
        changed = after()
    except Exception as exc:
        changed = (f"(the check failed: {one_line(exc)})",)
    return Outcome(value, error, False, ms, changed)


# ---- Aspire's own code, as it was before plugins ran --------------------------------------

#: Modules whose functions and classes decide a score; the scorers' helpers too.
WATCHED = (
    "aspire_tui.engine",
    "aspire_tui.models",
    "aspire_tui.scorer",
    "aspire_tui.plugins",
    "aspire_tui.hookspecs",
    "aspire_tui.discovery",
    "aspire_tui.app.live",
)
_MISSING = object()


class Watch:
    """Identities of Aspire's scoring code (module attributes, class attributes, function
    bodies), taken before installed plugins run, to find and undo what one replaced.

    Best effort: it sees rebinding (`engine.combine = ...`, `Scorer.score = ...`,
    `combine.__code__ = ...`), not a change made inside a mutable object."""

    def __init__(self) -> None:
        self.spaces: list[tuple[str, Any, dict[str, Any], bool]] = []
        self.codes: list[tuple[str, Any, Any]] = []
        self.modules: list[tuple[str, Any]] = []
        for name, module in list(sys.modules.items()):
            if module is None or not (name in WATCHED or name.startswith("aspire_tui.scorers.")):
                continue
            self.modules.append((name, module))
            self._keep(name, module, is_class=False)
            for value in list(vars(module).values()):
                if isinstance(value, type) and value.__module__ == name:
                    self._keep(f"{name}.{value.__qualname__}", value, is_class=True)

    def _keep(self, label: str, owner: Any, *, is_class: bool) -> None:
        space = dict(vars(owner))
        self.spaces.append((label, owner, space, is_class))
        for key, value in space.items():
            code = getattr(value, "__code__", None) if callable(value) else None
            if code is not None and not isinstance(value, type):
                self.codes.append((f"{label}.{key}", value, code))

    def restore(self) -> tuple[str, ...]:
        """What changed since the snapshot, each put back as it was."""
        changed: list[str] = []
        for name, module in self.modules:
            if sys.modules.get(name) is not module:
                changed.append(name)
                sys.modules[name] = module
        for label, owner, before, is_class in self.spaces:
            now = vars(owner)
            for key, value in before.items():
                if now.get(key, _MISSING) is not value:
                    changed.append(f"{label}.{key}")
                    with contextlib.suppress(Exception):
                        setattr(owner, key, value)
            if is_class:
                for key in [k for k in now if k not in before and not _bookkeeping(k)]:
                    changed.append(f"{label}.{key}")
                    with contextlib.suppress(Exception):
                        delattr(owner, key)
        for label, function, code in self.codes:
            if function.__code__ is not code:
                changed.append(f"{label} (its code)")
                with contextlib.suppress(Exception):
                    function.__code__ = code
        return tuple(changed)


def _bookkeeping(key: str) -> bool:
    """Class attributes Python and pydantic add by themselves (copying, validating)."""
    return key == "__slotnames__" or key.startswith(("__pydantic", "_abc_"))


# ---- plugins' output ----------------------------------------------------------------------


@contextlib.contextmanager
def plugin_output_to_stderr() -> Iterator[TextIO]:
    """While plugins load and score, whatever they write to standard output goes to stderr:
    `print` (sys.stdout) and raw writes to file descriptor 1 alike, which `redirect_stdout`
    alone would miss. Yields the real standard output for Aspire's own report, so a JSON
    report for scripts stays clean whatever a plugin writes."""
    stdout = sys.stdout
    real: TextIO | None = None
    saved = -1
    try:
        if stdout is sys.__stdout__ and stdout is not None and stdout.fileno() == 1:
            stdout.flush()
            sys.stderr.flush()
            saved = os.dup(1)
            real = open(  # noqa: SIM115 (closed below, after fd 1 is back)
                saved, "w", encoding=stdout.encoding, errors=stdout.errors, closefd=True
            )
            os.dup2(2, 1)
    except (OSError, ValueError, AttributeError):  # no usable descriptors: Python level only
        if real is not None:
            with contextlib.suppress(OSError):
                real.close()
        elif saved >= 0:
            os.close(saved)
        real = None
    if real is None:
        with contextlib.redirect_stdout(sys.stderr):
            yield stdout
        return
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield real
            real.flush()
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        os.dup2(real.fileno(), 1)
        with contextlib.suppress(OSError, ValueError):
            real.close()
