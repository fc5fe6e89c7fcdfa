"""Score the extractor on the evaluation kit's dev articles; prints the scorer's JSON.

    .venv/bin/python bench/eval_extraction.py [--eval ../shared/eval]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts, predictions = Path(tmp) / "texts", Path(tmp) / "pred.json"
        subprocess.run([sys.executable, str(args.eval / "texts.py"), str(args.eval / "dev"), str(texts)], check=True,
                       stdout=subprocess.DEVNULL)
        with predictions.open("w") as out:
            subprocess.run([str(Path(sys.executable).parent / "parley"), "extract", str(texts), "--json"], check=True,
                           stdout=out)
        scores = subprocess.run([sys.executable, str(args.eval / "score.py"), str(args.eval / "dev"), str(predictions)],
                                check=True, capture_output=True, text=True).stdout
    print(json.dumps(json.loads(scores), indent=1))


if __name__ == "__main__":
    main()
