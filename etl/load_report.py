"""What a load or a backfill did, as the CLI prints it: counts, the first rejects, the rest by reason."""
from __future__ import annotations

from collections import Counter

from rich.console import Console

from etl.backfill import BackfillSummary
from etl.warehouse.writer import RunSummary


def report_run(console: Console, summary: RunSummary, max_rejects: int = 10) -> None:
    """One run's counts and its first rejects, with the rest counted by reason."""
    if summary.status == "unchanged":
        console.print(f"{summary.source_kind}: {summary.inputs_skipped} input(s) unchanged, nothing to do (run {summary.run_id})")
        return
    skipped = f", {summary.records_skipped} out of scope" if summary.records_skipped else ""
    console.print(
        f"{summary.source_kind}: run {summary.run_id}: {summary.records_in} records read, "
        f"{summary.records_loaded} new engagements, {summary.records_merged} merged into existing, "
        f"{summary.records_rejected} rejected{skipped}, {summary.inputs_skipped} unchanged input(s) skipped")
    _print_rejects(console, summary.rejects, len(summary.rejects),
                   Counter(r.reason.split(":")[0] for r in summary.rejects), max_rejects)


def report_backfill(console: Console, result: BackfillSummary, max_rejects: int = 10) -> None:
    """A backfill's batches and counts, its first rejects, and the rest counted by reason."""
    if not result.batches:
        console.print(f"{result.source_kind}: {result.inputs_skipped} input(s) unchanged, nothing to do")
        return
    runs = f"runs {result.run_ids[0]}–{result.run_ids[-1]}" if len(result.run_ids) > 1 else f"run {result.run_ids[0]}"
    skipped = f", {result.records_skipped} out of scope" if result.records_skipped else ""
    console.print(
        f"{result.source_kind}: {result.inputs_loaded} input(s) in {result.batches} published batch(es) ({runs}, "
        f"{result.seconds:.1f} s): {result.records_in} records read, {result.records_loaded} new engagements, "
        f"{result.records_merged} merged into existing, {result.records_rejected} rejected{skipped}, "
        f"{result.inputs_skipped} unchanged input(s) skipped")
    _print_rejects(console, result.rejects, result.records_rejected, result.reasons, max_rejects)


def _print_rejects(console: Console, rejects: list, total: int, reasons: Counter, max_rejects: int) -> None:
    for reject in rejects[:max_rejects]:
        console.print(f"  [yellow]rejected[/yellow] {reject.message()}", highlight=False)
    if total > max_rejects:
        console.print(f"  … and {total - max_rejects} more (see `parley sql \"from rejects\"`); by reason: "
                      + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common(5)), highlight=False)
