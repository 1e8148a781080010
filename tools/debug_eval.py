"""Developer aid: score the evaluation corpus in-process and print per-case figures."""

import sys
import tomllib
from pathlib import Path

from aspire_tui.engine import Engine
from aspire_tui.plugins import load_host
from aspire_tui.scorers.stuffing import buzz_rate, keyword_density
from aspire_tui.storage import load_profile
from aspire_tui.scorer import SharedAnalysis

root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dev")
cases = tomllib.loads((root / "cases.toml").read_text())["case"]
engine = Engine(load_host(installed=False))
show = sys.argv[2:] if len(sys.argv) > 2 else None
for case in cases:
    prof = load_profile(root / "profiles" / f"{case['profile']}.toml")
    rep = engine.score(case["text"], prof)
    sa = SharedAnalysis(case["text"], prof).analysis
    labels = case.get("labels", {})
    row = " ".join(
        f"{s.plugin[:4]}={s.score:5.1f}{labels.get(s.plugin, '-')[0]}" for s in rep.scores
    )
    print(
        f"{case['id']} {case.get('overall', '-'):6} ov={rep.overall:5.1f} {row} kd={keyword_density(sa):.2f} bz={buzz_rate(sa):.1f} {rep.caps}"
    )
    if show and case["id"] in show or show == ["all"]:
        for s in rep.scores:
            for f in s.findings:
                print(
                    f"    {s.plugin[:4]} {f.severity:10} {case['text'][f.start : f.end]!r} :: {f.message[:60]}"
                )
    serious = [
        (f.start, f.end)
        for s in rep.scores
        for f in s.findings
        if f.severity in ("warning", "error")
    ]
    for flag in case.get("flags", []):
        st = case["text"].find(flag["phrase"])
        en = st + len(flag["phrase"])
        if not any(a < en and b > st for a, b in serious):
            print(f"    MISSED {flag['kind']}: {flag['phrase']!r}")

if "--fit" in sys.argv[1:] or True:
    from aspire_tui.scorers.alignment import measure_fit
    from aspire_tui.scorers.vocabulary import vocabulary

    for case in cases:
        prof = load_profile(root / "profiles" / f"{case['profile']}.toml")
        f = measure_fit(case["text"], vocabulary(prof))
        lab = case.get("labels", {}).get("alignment", "-")
        print(
            f"FIT {case['id']} {lab:4} prec={f.precision:.2f} amt={f.amount:5.1f} cov={f.coverage:.2f} named={f.named} plans={f.plans} str={f.strengths} touched={len(f.touched)}"
        )
