"""The text reader on the corpus of real published reports (tests/data/corpus).

Prints: the figures read correctly, misread and missed; the recall over the figures a
person reads (aim ≥ 90 %); false text findings (findings that are not a real fault of the
report); and the real faults found.  ``-v`` lists every misread, missed and false finding.
A directory argument scores a new batch in the corpus's shape instead (measure a held-out set
before tuning on it, then move its files into tests/data/corpus).

    PYTHONPATH=src python benchmarks/bench_corpus.py [-v] [DIRECTORY]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core.text.corpus import CORPUS, score

RECALL_AIM = 0.90


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    paths = [Path(a) for a in sys.argv[1:] if a != "-v"]
    directory = paths[0] if paths else CORPUS
    if not directory.is_dir():
        print(f"not a directory: {directory}")
        return 2
    start = time.perf_counter()
    result = score(directory)
    seconds = time.perf_counter() - start
    read = len(result.correct) + len(result.misread)
    print(f"{directory.name}: {result.reports} real reports, {result.truths} figures a person reads ({seconds:.2f} s)")
    print(f"figures read correctly   {len(result.correct):4d}")
    print(f"figures misread          {len(result.misread):4d}   (must be 0: precision "
          f"{len(result.correct) / read:.1%})" if read else "figures misread             0")
    print(f"figures missed           {len(result.missed):4d}")
    print(f"recall                   {result.recall:6.1%}  aim ≥ {RECALL_AIM:.0%}")
    print(f"false text findings      {len(result.false_errors):4d}   (must be 0)")
    print(f"real faults found        {len(result.faults_found):4d}   missed {len(result.faults_missed)}")
    if verbose:
        for title, items in (("MISREAD", result.misread), ("MISSED", result.missed),
                             ("FALSE FINDING", result.false_errors), ("FAULT MISSED", result.faults_missed)):
            for o in items:
                print(f"{title:14s} {o.report}: {o.figure} | {o.detail}")
    ok = not result.misread and not result.false_errors
    print("PASS" if ok and result.recall >= RECALL_AIM else ("PASS (recall below aim)" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
