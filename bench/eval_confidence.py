"""How well the learned confidence tells real candidates from noise, on releases it was and was not trained on.

    .venv/bin/python bench/eval_confidence.py [--shared ../shared] [--workers N]

Candidates the rules propose in White House releases are labelled by the releases' titles, as `make train`
labels them (etl/extract/train.py): 2021-2022 is what the model was trained on, 2023-2025 it never saw. Prints
JSON: per split, the candidates, the share that is real, and the AUC of the committed model's probability.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extract.learned import load_model  # noqa: E402
from etl.extract.train import TRAIN_YEARS, auc, read_releases, silver_examples  # noqa: E402

UNTOUCHED_YEARS = (2023, 2024, 2025)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    model = load_model()
    report = {"model": model.version}
    for split, years in (("tune", TRAIN_YEARS), ("untouched", UNTOUCHED_YEARS)):
        examples = silver_examples(read_releases(args.shared / "data" / "wh-briefings", years, args.workers))
        labels = [e.label for e in examples]
        report[split] = {"candidates": len(examples), "real_share": round(sum(labels) / len(labels), 3),
                         "auc": auc(labels, [model.probability(list(e.features)) for e in examples])}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
