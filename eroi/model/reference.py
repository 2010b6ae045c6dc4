"""The writers' guide's field reference, written from the schema.

``python -m eroi.model.reference docs/guida-autori.md`` rewrites the
part of the guide between its two markers; a test fails when the guide and
the schema differ.
"""

import sys
from pathlib import Path

from eroi.model.schema import SCHEMAS

START = "<!-- campi: inizio -->"
END = "<!-- campi: fine -->"
ORDER = ("article", "page", "talk", "speaker", "author")


def reference():
    """Markdown: one table per content type, every field of the schema."""
    parts = []
    for kind in ORDER:
        schema = SCHEMAS[kind]
        parts.append(f"### {schema.label} (`content/{schema.folder}/`)\n")
        parts.append("| Campo | Obbligatorio | Esempio | Cosa contiene |")
        parts.append("|---|---|---|---|")
        for declared in schema.fields:
            need = "sì" if declared.required else "no"
            if declared.required and declared.drafts_may_omit:
                need = "sì (non nelle bozze)"
            extra = " Più valori separati da virgole." if declared.repeatable else ""
            names = ", ".join(f"`{n}`" for n in declared.italian)
            also = f" (non: {names})" if names else ""
            parts.append(
                f"| `{declared.name}` | {need} | `{declared.line}` | "
                f"{declared.description}{extra}{also} |"
            )
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def with_reference(guide):
    """``guide`` with the reference between its markers."""
    head, rest = guide.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{reference()}{END}{tail}"


def main(path):
    guide = Path(path)
    guide.write_text(with_reference(guide.read_text(encoding="utf-8")), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
