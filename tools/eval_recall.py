"""Developer aid: how well Rehearse tells the key points kept in a version said from memory.

    .venv/bin/python tools/eval_recall.py FILE.toml [--list]

FILE holds `[[draft]]` tables with `text`, `points` (exact substrings of the text) and
`[[draft.recall]]` tables with `text` and `kept` (the indices of the points a listener
would say were made again). Prints the share of judgements that agree, and how often a
point was called kept when it was lost (a false "kept" hides what to practise) and lost
when it was kept. `--list` prints each disagreement.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from aspire_tui.keypoints import KeyPoint, key_points, recall
from aspire_tui.testing import make_profile


def main(argv: list[str]) -> int:
    drafts = tomllib.loads(Path(argv[0]).read_text(encoding="utf-8"))["draft"]
    show = "--list" in argv
    agree = total = false_kept = false_lost = kept_n = lost_n = 0
    for d in drafts:
        found = key_points(d["text"], make_profile(text=d["text"]))
        points = []
        for p in d["points"]:  # of the kind Aspire gives the sentence it is in
            at = d["text"].find(p)
            kind = next((k.kind for k in found if k.start <= at < k.end), "point")
            points.append(KeyPoint(kind, kind, at, at + len(p), p))
        for r in d["recall"]:
            judged = recall(points, r["text"])
            for i, j in enumerate(judged):
                truth = i in r["kept"]
                total += 1
                agree += j.kept == truth
                kept_n += truth
                lost_n += not truth
                false_kept += j.kept and not truth
                false_lost += truth and not j.kept
                if show and j.kept != truth:
                    said = "kept" if j.kept else "lost"
                    print(f"{said} (truth {'kept' if truth else 'lost'}): {j.point.text}")
                    print(f"    recall: {r['text'][:160]}")
    print(f"judgements {total}  agree {agree / total:.3f}")
    print(f"kept points called lost  {false_lost}/{kept_n}")
    print(f"lost points called kept  {false_kept}/{lost_n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
