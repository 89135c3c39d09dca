"""Rendering a processed Document: the JSON contract (with schema validation) and a Markdown report."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from .document import Document

_SCHEMA_FILE = "output.schema.json"


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the output contract (docs/output.md)."""
    return json.loads((resources.files(__package__) / "schema" / _SCHEMA_FILE).read_text("utf-8"))


def validate(output: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `output` breaks the contract, or when a span's text is
    not the text at its offsets."""
    import jsonschema

    jsonschema.validate(output, schema())
    text = output["document"]["text"]
    for span in iter_spans(output):
        if text[span["start"]:span["end"]] != span["text"]:
            raise jsonschema.ValidationError(f"span {span['start']}:{span['end']} does not cover {span['text']!r}")


def iter_spans(node: Any):
    """Every span object (a dict with start, end and text) anywhere in an output."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node.get("start"), int):
            yield node
        for key, value in node.items():
            if key != "text":
                yield from iter_spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_spans(value)


def to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def to_markdown(doc: Document) -> str:
    """A readable report for a person."""
    d = doc.to_dict()
    meta, tr = d["document"], d["document"]["translation"]
    out = [f"# {meta['title'] or meta['source'] or meta['id']}", ""]
    out.append(f"- **Source:** {meta['source'] or '—'}  ")
    out.append(f"- **Language:** {meta['lang'] or 'unknown'}  ")
    pub = f"{meta['published']} ({meta['published_source']})" if meta["published"] else "unknown"
    out.append(f"- **Published:** {pub}  ")
    if tr["suspected"]:
        out.append(f"- **Machine translation suspected**, probably from **{tr['from']}** "
                   f"(score {tr['score']}): " + ", ".join(f"“{e['text']}” ({e['kind']})" for e in tr["evidence"][:12]))
    else:
        out.append("- **Machine translation:** not suspected")
    out += _section("Removed while cleaning", [f"“{r['text']}” — {r['reason']}" for r in meta["removed"]])
    out += _section("Entities", [f"{e['name']} ({e['kind']}, {e['wikidata'] or 'unlinked'}) ×{len(e['mentions'])}"
                                 for e in d["entities"]])
    out += _section("Quantities", [f"“{q['span']['text']}” → {q['value']} {q['measure']} ({q['qualifier']})"
                                   for q in d["quantities"]])
    out += _section("Times", [f"“{t['span']['text']}” → {t['value']}" for t in d["times"]])
    out += _section("Events", [f"{e['type']}: “{e['trigger']['text']}” ({e['modality']})" for e in d["events"]])
    out += _section("Claims", [f"{c['subject']} {c['measure']} = {c['value']} ({c['modality']}, source {c['source']})"
                               for c in d["claims"]])
    out += _section("Problems", [f"[{p['stage']}] {p['message']}" for p in d["problems"]])
    return "\n".join(out) + "\n"


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return ["", f"## {title}", ""] + [f"- {line}" for line in lines]
