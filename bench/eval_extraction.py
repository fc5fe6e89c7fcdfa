"""Score the extractor on every labelled set, the split we tune on beside the split we never tune on.

    .venv/bin/python bench/eval_extraction.py [--eval ../shared/eval] [--no-silver] [--json OUT.json]

- dev articles (the kit's 29): split by `bench/splits.json`;
- real White House releases labelled by hand in the kit's format (bench/labelled-releases): 2022 tuned, 2023-24
  untouched;
- dev HSG remarks (40 trips): split the same way, scored by the kit's score_hsg.py on a warehouse of the bundled
  travels;
- White House release titles (silver, bench/eval_titles.py): 2021-2022 tuned, 2023-2025 untouched; every 10th
  release whose title announces nothing is scored for noise;
- foreign leaders' visits the Office of the Historian records (silver, bench/eval_visits.py), found in the
  releases published during them: 2021-2022 tuned, 2023-2024 untouched.

A change that lifts a tuned column and lowers its untouched one is reverted. Prints a table, and JSON with --json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPLITS = json.loads((ROOT / "bench" / "splits.json").read_text("utf-8"))
PARLEY = Path(sys.executable).parent / "parley"


def _split_of(doc_id: str, untouched: list[str]) -> str:
    return "untouched" if doc_id in untouched else "tune"


def _score_gold(kit: Path, gold: Path, tmp: Path, *extract_args: str) -> dict:
    """The kit's scorer on one folder of gold articles, extracted from their texts."""
    texts, predictions = tmp / f"texts-{gold.name}", tmp / f"pred-{gold.name}.json"
    subprocess.run([sys.executable, str(kit / "texts.py"), str(gold), str(texts)], check=True, stdout=subprocess.DEVNULL)
    with predictions.open("w") as out:
        subprocess.run([str(PARLEY), "extract", str(texts), "--json", *extract_args], check=True, stdout=out)
    return json.loads(subprocess.run([sys.executable, str(kit / "score.py"), str(gold), str(predictions)], check=True,
                                     capture_output=True, text=True).stdout)


def labelled_releases(kit: Path, tmp: Path) -> dict:
    """Real White House releases labelled by hand in the kit's format (bench/labelled-releases/{tune,
    tune-rules-only,untouched}),
    extracted as the kit runs any text, with no publisher given: the extractor infers whose release it is."""
    folder = ROOT / "bench" / "labelled-releases"
    tuned = tmp / "tune"  # the tuned column: releases trained on, and those rules are written against only
    tuned.mkdir()
    for source in (folder / "tune", folder / "tune-rules-only"):
        for path in source.glob("*.json"):
            shutil.copy(path, tuned / path.name)
    return {"tune": _score_gold(kit, tuned, tmp), "untouched": _score_gold(kit, folder / "untouched", tmp)}


def dev_articles(kit: Path, tmp: Path) -> dict:
    """The kit's scorer over each split of the dev articles."""
    texts, predictions = tmp / "texts", tmp / "pred.json"
    subprocess.run([sys.executable, str(kit / "texts.py"), str(kit / "dev"), str(texts)], check=True,
                   stdout=subprocess.DEVNULL)
    with predictions.open("w") as out:
        subprocess.run([str(PARLEY), "extract", str(texts), "--json"], check=True, stdout=out)
    result = {}
    for split in ("tune", "untouched"):
        gold = tmp / f"gold-{split}"
        gold.mkdir()
        for path in (kit / "dev").glob("*.json"):
            if _split_of(path.stem, SPLITS["dev_articles_untouched"]) == split:
                shutil.copy(path, gold / path.name)
        scored = subprocess.run([sys.executable, str(kit / "score.py"), str(gold), str(predictions)], check=True,
                                capture_output=True, text=True).stdout
        result[split] = json.loads(scored)
    return result


def dev_remarks(kit: Path, tmp: Path) -> dict:
    """The kit's HSG scorer over each split of the labelled trips, on a warehouse of the bundled travels."""
    db = tmp / "hsg.duckdb"
    subprocess.run([str(PARLEY), "load", "hsg-travels", str(ROOT / "data" / "sources" / "hsg-travels"), "--db", str(db),
                    "--allow-rejects"], check=True, capture_output=True)
    labels = json.loads((kit / "dev-hsg" / "hsg-remarks.json").read_text("utf-8"))
    result = {}
    for split in ("tune", "untouched"):
        subset = tmp / f"hsg-{split}.json"
        subset.write_text(json.dumps([t for t in labels
                                      if _split_of(t["trip_id"], SPLITS["dev_remarks_untouched"]) == split]))
        scored = subprocess.run([sys.executable, str(kit / "score_hsg.py"), str(db), str(subset)], check=True,
                                capture_output=True, text=True).stdout
        result[split] = json.loads(scored)
    return result


def silver(untitled_every: int) -> dict:
    """bench/eval_titles.py with the headline in the text, as releases load."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_titles.py"), "--modes", "title",
                          "--untitled-every", str(untitled_every)], check=True, capture_output=True, text=True).stdout
    report = json.loads(out)["title"]
    return {split: report[split] for split in ("tune", "untouched")}


def silver_visits() -> dict:
    """bench/eval_visits.py: recorded foreign leaders' visits found in the releases of their dates."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_visits.py")], check=True, capture_output=True,
                         text=True).stdout
    report = json.loads(out)
    return {split: report[split] for split in ("tune", "untouched")}


def _f1(block: dict, key: str):
    value = block.get(key)
    return value.get("f1") if isinstance(value, dict) else value


ROWS = [(name, label, pick) for name in ("dev articles", "real releases") for label, pick in (
    ("meeting pairs F1", lambda r: _f1(r, "meeting_pairs")),
    ("visits F1", lambda r: _f1(r, "visits")),
    ("initiatives F1", lambda r: _f1(r, "initiatives")),
    ("participant country", lambda r: r.get("participant_country_accuracy")),
    ("dates", lambda r: r.get("date_accuracy")),
    ("overall F1", lambda r: r.get("overall_f1")),
)]


def table(report: dict) -> str:
    """The tuned and untouched splits side by side."""
    lines = [f"{'set':14} {'metric':34} {'tuned':>8} {'untouched':>10}"]
    for name, label, pick in ROWS:
        if name in report:
            lines.append(f"{name:14} {label:34} {pick(report[name]['tune'])!s:>8} {pick(report[name]['untouched'])!s:>10}")
    if "dev remarks" in report:
        for key in ("people_met",):
            blocks = [report["dev remarks"][s].get(key, report["dev remarks"][s]) for s in ("tune", "untouched")]
            lines.append(f"{'dev remarks':14} {'people met F1':34} {blocks[0].get('f1')!s:>8} {blocks[1].get('f1')!s:>10}")
    if "silver titles" in report:
        for key in ("titled_recall", "kind_accuracy", "counterpart_country_accuracy", "title_pair_share",
                    "visit_recall", "noise_per_release"):
            tune, untouched = (report["silver titles"][s][key] for s in ("tune", "untouched"))
            lines.append(f"{'silver titles':14} {key:34} {tune!s:>8} {untouched!s:>10}")
    if "silver visits" in report:
        for key in ("recall", "recorded_share"):
            tune, untouched = (report["silver visits"][s][key] for s in ("tune", "untouched"))
            lines.append(f"{'silver visits':14} {'recorded visits ' + key:34} {tune!s:>8} {untouched!s:>10}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--no-silver", action="store_true", help="skip the silver evaluations at scale (minutes)")
    parser.add_argument("--untitled-every", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the full report here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = {"dev articles": dev_articles(args.eval, Path(tmp)), "dev remarks": dev_remarks(args.eval, Path(tmp)),
                  "real releases": labelled_releases(args.eval, Path(tmp))}
    if not args.no_silver:
        report["silver titles"] = silver(args.untitled_every)
        report["silver visits"] = silver_visits()
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
