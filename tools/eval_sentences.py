"""Developer aid: hit rate on a file of labelled sentences, one per line.

    .venv/bin/python tools/eval_sentences.py FILE.tsv [--part odd|even] [--show]

Each line is KIND<TAB>STAGE<TAB>SENTENCE, KIND one of money, flight-risk, unrealistic,
uncertainty, vague or good. A problem sentence is caught when the built-in scorers raise a
warning or an error on it (length findings aside); a good sentence is a false alarm when
they do. `--part` keeps every other line, so one half can be built on and the other judged.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from aspire_tui.engine import Engine
from aspire_tui.models import Profile, Research
from aspire_tui.plugins import load_host

JD = "- Deliver the work of the team\n- Report to the head of the department"


def main(argv: list[str]) -> int:
    lines = [ln.split("\t") for ln in Path(argv[0]).read_text().splitlines() if ln.strip()]
    if "--part" in argv:
        part = argv[argv.index("--part") + 1]
        lines = lines[0::2] if part == "odd" else lines[1::2]
    show = "--show" in argv
    engine = Engine(load_host(installed=False))
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    for kind, stage, sentence in lines:
        profile = Profile(
            role="Team member",
            company="Northgate",
            career_stage=stage,  # type: ignore[arg-type]
            research=Research(job_description=JD),
        )
        report = engine.score(sentence, profile)
        found = [
            f
            for s in report.scores
            for f in s.findings
            if f.severity in ("warning", "error") and f.kind != "length"
        ]
        total[kind] += 1
        if bool(found) != (kind == "good"):
            caught[kind] += 1
        elif show:
            said = "; ".join(f"{f.kind}:{sentence[f.start : f.end]!r}" for f in found)
            print(f"{'ALARM' if kind == 'good' else 'MISS '} {kind:12} {stage:9} {sentence}")
            if said:
                print(f"      {said}")
    problems = [k for k in total if k != "good"]
    hit = sum(caught[k] for k in problems)
    all_ = sum(total[k] for k in problems)
    print(f"hit rate {hit}/{all_} = {hit / max(all_, 1):.2f}")
    for k in sorted(problems):
        print(f"  {k:12} {caught[k]}/{total[k]}")
    good = total["good"]
    print(
        f"false alarms {good - caught['good']}/{good} = {(good - caught['good']) / max(good, 1):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
