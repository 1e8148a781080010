"""Developer aid: scoring quality on a labelled corpus, in-process and by kind of problem.

    .venv/bin/python tools/eval.py CORPUS [--misses] [--alarms] [--pairs]

Prints the figures `run_eval.py` prints (the same definitions) plus, per kind of flag, the
share underlined, and the false-alarm rate: the share of sentences of strong answers that
carry a warning or an error. `--misses` lists the flags no finding covers; `--alarms`
lists the warnings and errors raised on strong answers.
"""

from __future__ import annotations

import itertools
import sys
import tomllib
from collections import Counter
from pathlib import Path

from aspire_tui.engine import Engine
from aspire_tui.plugins import load_host
from aspire_tui.scorers.text import split_sentences
from aspire_tui.storage import load_profile

DIMENSIONS = ("alignment", "commitment", "realism", "specificity")
SERIOUS = {"warning", "error"}


# "mixed" answers (in some helper-written batches) rank between strong and weak; for the
# corpora's labels (high/low, strong/weak) this is exactly run_eval.py's definition
RANK = {"low": 0, "weak": 0, "mixed": 1, "high": 2, "strong": 2}


def pair_share(
    items: list[tuple[str, float, str]], ids: list[str] | None = None, name: str = ""
) -> tuple[float | None, int]:
    good = total = 0
    for (i, (la, va, pa)), (j, (lb, vb, pb)) in itertools.combinations(enumerate(items), 2):
        if pa != pb or RANK[la] == RANK[lb]:
            continue
        hi, lo = (va, vb) if RANK[la] > RANK[lb] else (vb, va)
        total += 1
        good += hi > lo
        if ids is not None and hi <= lo:
            top, low = (i, j) if RANK[la] > RANK[lb] else (j, i)
            print(f"PAIR {name}: {ids[top]} ({hi:.1f}) not above {ids[low]} ({lo:.1f})")
    return (good / total if total else None), total


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    show_misses = "--misses" in argv
    show_alarms = "--alarms" in argv
    show_pairs = "--pairs" in argv
    cases = tomllib.loads((root / "cases.toml").read_text())["case"]
    engine = Engine(load_host(installed=False))
    dims: dict[str, list[tuple[str, float, str]]] = {d: [] for d in DIMENSIONS}
    dim_ids: dict[str, list[str]] = {d: [] for d in DIMENSIONS}
    overall: list[tuple[str, float, str]] = []
    overall_ids: list[str] = []
    kinds: Counter[str] = Counter()
    kinds_hit: Counter[str] = Counter()
    strong = strong_clean = sentences = alarmed = 0
    for case in cases:
        profile = load_profile(root / "profiles" / f"{case['profile']}.toml")
        text = case["text"]
        report = engine.score(text, profile)
        for d, label in case.get("labels", {}).items():
            value = report.score_of(d)
            if d in dims and value is not None:
                dims[d].append((label, value, case["profile"]))
                dim_ids[d].append(case["id"])
        if "overall" in case:
            overall.append((case["overall"], report.overall, case["profile"]))
            overall_ids.append(case["id"])
        found = [(s.plugin, f) for s in report.scores for f in s.findings if f.severity in SERIOUS]
        for flag in case.get("flags", []):
            start = text.find(flag["phrase"])
            end = start + len(flag["phrase"])
            kinds[flag["kind"]] += 1
            if any(f.start < end and f.end > start for _, f in found):
                kinds_hit[flag["kind"]] += 1
            elif show_misses:
                print(f"MISS {case['id']} {flag['kind']}: {flag['phrase']!r}")
        if case.get("overall") == "strong":
            strong += 1
            strong_clean += not found
            for s in split_sentences(text):
                sentences += 1
                alarmed += any(f.start < s.end and f.end > s.start for _, f in found)
            if show_alarms:
                for plugin, f in found:
                    print(f"ALARM {case['id']} {plugin} {f.kind}: {text[f.start : f.end]!r}")
    for d in DIMENSIONS:
        share, n = pair_share(dims[d], dim_ids[d] if show_pairs else None, d)
        print(f"{d + '_pairs':18} {share if share is None else round(share, 3)} (n={n})")
    share, n = pair_share(overall, overall_ids if show_pairs else None, "overall")
    print(f"{'overall_pairs':18} {share if share is None else round(share, 3)} (n={n})")
    total = sum(kinds.values())
    print(f"{'flag_recall':18} {round(sum(kinds_hit.values()) / total, 3) if total else None}")
    for kind in sorted(kinds):
        print(f"  {kind:16} {kinds_hit[kind]}/{kinds[kind]}")
    print(f"{'clean_strong':18} {round(strong_clean / strong, 3) if strong else None}")
    rate = round(alarmed / sentences, 3) if sentences else None
    print(f"{'false_alarms':18} {rate} ({alarmed} of {sentences} sentences of strong answers)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
