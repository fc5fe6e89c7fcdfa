"""`make docs`: the view reference in docs/warehouse.md, generated from the models' contracts so that prose and
schema cannot drift. Edit etl/warehouse/models/<view>.yml, then run `make docs`."""
from __future__ import annotations

import argparse
from pathlib import Path

from etl.warehouse.contracts import Model, models

DOC = Path(__file__).resolve().parents[2] / "docs" / "warehouse.md"
BEGIN = "<!-- BEGIN views: generated from etl/warehouse/models/*.yml by `make docs`; edit those, not this -->"
END = "<!-- END views -->"


def _checked(tests: tuple) -> str:
    words = []
    for test in tests:
        name = test if isinstance(test, str) else next(iter(test))
        if name == "not_null":
            words.append("never null")
        elif name == "unique":
            words.append("unique")
        elif name == "accepted_values":
            words.append("one of " + ", ".join(f"`{v}`" for v in test[name]))
        elif name == "relationships":
            spec = test[name]
            words.append(f"refers to `{spec['to']}.{spec['field']}`" + (f" (`{spec['where']}`)" if spec.get("where") else ""))
    return "; ".join(words)


def section(model: Model) -> str:
    """One view's heading, description, column table and model checks."""
    lines = [f"### `{model.name}`", model.description, "", "| column | type | meaning | checked |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {c.description} | {_checked(c.tests)} |" for c in model.columns]
    rules = [test["expression_is_true"] for test in model.tests]
    if rules:
        lines += ["", "Every row: " + "; ".join(f"`{rule}`" for rule in rules) + "."]
    return "\n".join(lines)


def reference() -> str:
    """The whole view reference, between its markers."""
    return "\n\n".join([BEGIN, *(section(m) for m in models().values()), END])


def rendered(doc: str) -> str:
    """The document with its view reference regenerated."""
    start, end = doc.index(BEGIN), doc.index(END) + len(END)
    return doc[:start] + reference() + doc[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--doc", type=Path, default=DOC)
    args = parser.parse_args()
    args.doc.write_text(rendered(args.doc.read_text("utf-8")), "utf-8")
    print(f"{args.doc}: view reference regenerated from {len(models())} contracts")


if __name__ == "__main__":
    main()
