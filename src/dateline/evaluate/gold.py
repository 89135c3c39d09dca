"""Gold documents: reading and validating the gold JSON Lines format (docs/evaluation.md).

Every record is checked before anything is scored, and a bad one stops the run with a message naming
`file:line` and the item at fault: a gold file is written by hand, and a silently skipped fact would
make every score after it wrong.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import InputError
from ..ingest import parse_date, read_path

FIELDS: tuple[str, ...] = ("entities", "quantities", "times", "events", "attributions", "claims", "modality")
DOC_KEYS = {"id", "text", "path", "ref", "published", "lang", "title", "url", "note", "entity_kinds", *FIELDS}
QID = re.compile(r"^(Q[1-9][0-9]*|NIL)$")

# Per field: allowed keys of an item -> kind of value. "span" = int offset pair given as start/end;
# "str+" = a string or a list of acceptable strings; "num?" = a number or null.
_SCHEMA: dict[str, dict[str, str]] = {
    "entities": {"start": "int", "end": "int", "text": "str", "wikidata": "qid", "kind": "str",
                 "lat": "num", "lon": "num", "geonames": "str", "country": "str", "name": "str",
                 "nested": "bool"},
    "quantities": {"start": "int", "end": "int", "text": "str", "value": "num?", "low": "num?",
                   "high": "num?", "qualifier": "str", "measure": "str", "unit": "str+"},
    "times": {"start": "int", "end": "int", "text": "str", "value": "str+"},
    "events": {"type": "str+", "actor": "str+", "recipient": "str+", "participant": "str+",
               "trigger": "span", "time": "str+"},
    "attributions": {"source": "str+", "cue": "span", "quote": "span"},
    "claims": {"subject": "str+", "measure": "str+", "value": "num?", "low": "num?", "high": "num?",
               "source": "str+", "modality": "str+"},
    "modality": {"start": "int", "end": "int", "text": "str", "value": "str+"},
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "entities": ("start", "end"), "quantities": ("start", "end"), "times": ("start", "end", "value"),
    "events": (), "attributions": ("source",), "claims": ("subject", "measure", "value"),
    "modality": ("start", "end", "value"),
}


class GoldError(InputError):
    """A gold record that cannot be used; `source` is `file:line`."""


@dataclass(slots=True)
class GoldDoc:
    """One gold document: its text and, per annotated field, the expected facts.

    A field missing from `facts` was not annotated for this document and is not scored on it;
    a field present with `[]` means "nothing to find here" (every predicted fact is a false hit).
    """

    id: str
    text: str
    source: str
    lang: str | None = None
    published: str | None = None
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entity_kinds: tuple[str, ...] | None = None


def read_gold(path: str | os.PathLike[str], data_root: Path | None = None) -> list[GoldDoc]:
    """All documents of a gold JSON Lines file, validated. Raises GoldError naming `file:line`."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(str(path), "no such gold file", "give a JSON Lines file (docs/evaluation.md)")
    resolver = Resolver(path.parent, data_root)
    docs = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(where, f"not valid JSON ({exc.msg})") from None
            docs.append(from_record(record, where, resolver))
    return docs


def from_record(record: Any, where: str, resolver: Resolver | None = None) -> GoldDoc:
    """Validate one gold record (a parsed JSON object) into a GoldDoc."""
    if not isinstance(record, dict):
        raise GoldError(where, "a JSON object per line is expected")
    unknown = sorted(set(record) - DOC_KEYS)
    if unknown:
        raise GoldError(where, f"unknown key(s) {', '.join(unknown)}", f"allowed: {', '.join(sorted(DOC_KEYS))}")
    text, extra = _text(record, where, resolver or Resolver(Path.cwd(), None))
    published = record.get("published", extra.get("published"))
    if published is not None:
        published = parse_date(published, where).isoformat()
    lang = record.get("lang", extra.get("lang"))
    if lang is not None and not isinstance(lang, str):
        raise GoldError(where, "lang must be a language code such as 'fr'")
    kinds = record.get("entity_kinds")
    if kinds is not None and not (isinstance(kinds, list) and all(isinstance(k, str) for k in kinds)):
        raise GoldError(where, "entity_kinds must be a list of strings")
    facts = {name: _items(record[name], name, text, where) for name in FIELDS if name in record}
    doc_id = record.get("id") or extra.get("id") or where
    return GoldDoc(str(doc_id), text, where, lang.lower() if lang else None, published, facts,
                   tuple(kinds) if kinds is not None else None)


def _text(record: dict[str, Any], where: str, resolver: Resolver) -> tuple[str, dict[str, Any]]:
    given = [k for k in ("text", "path", "ref") if k in record]
    if len(given) != 1:
        raise GoldError(where, "give exactly one of text, path or ref", f"found {given or 'none'}")
    key = given[0]
    if key == "text":
        if not isinstance(record["text"], str) or not record["text"].strip():
            raise GoldError(where, "text must be a non-empty string")
        return record["text"], {}
    if key == "path":
        return resolver.path(record["path"], where), {}
    return resolver.ref(record["ref"], where)


class Resolver:
    """Finds the text of `path` and `ref` records: paths relative to the gold file or the data root,
    refs by set and id through the data-set adapters (each set read once per run)."""

    def __init__(self, base: Path, data_root: Path | None) -> None:
        self.base, self.data_root = base, data_root
        self._sets: dict[str, dict[str, GoldDoc]] = {}

    def path(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value:
            raise GoldError(where, "path must be a file name")
        candidates = [self.base / value] + ([self.data_root / value] if self.data_root else [])
        for candidate in candidates:
            if candidate.is_file():
                item = next(iter(read_path(candidate, Options())))
                if isinstance(item, InputError):
                    raise GoldError(where, f"cannot read {value}: {item.problem}")
                # Offsets point into the text as Dateline reads it (for HTML: the extracted text).
                return item.raw
        raise GoldError(where, f"path {value!r} not found", f"looked in {', '.join(map(str, candidates))}")

    def ref(self, value: Any, where: str) -> tuple[str, dict[str, Any]]:
        if not (isinstance(value, dict) and isinstance(value.get("set"), str) and value.get("id")):
            raise GoldError(where, 'ref must look like {"set": "wikinews", "id": "..."}')
        docs = self._set(value["set"], where)
        doc = docs.get(str(value["id"]))
        if doc is None:
            raise GoldError(where, f"no document {value['id']!r} in set {value['set']!r}")
        return doc.text, {"id": doc.id, "lang": doc.lang, "published": doc.published}

    def _set(self, name: str, where: str) -> dict[str, GoldDoc]:
        if name not in self._sets:
            from .adapters import load_set  # noqa: PLC0415 - adapters import this module

            try:
                self._sets[name] = {d.id: d for d in load_set(name, self.data_root)}
            except InputError as err:
                raise GoldError(where, f"ref to set {name!r}: {err.problem}", err.hint) from None
        return self._sets[name]


def _items(value: Any, name: str, text: str, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise GoldError(where, f"{name} must be a list (use [] for 'nothing to find')")
    return [_item(item, f"{name}[{i}]", name, text, where) for i, item in enumerate(value)]


def _item(item: Any, label: str, name: str, text: str, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise GoldError(where, f"{label} must be an object")
    schema = _SCHEMA[name]
    unknown = sorted(set(item) - set(schema))
    if unknown:
        raise GoldError(where, f"{label}: unknown key(s) {', '.join(unknown)}", f"allowed: {', '.join(schema)}")
    missing = [k for k in _REQUIRED[name] if k not in item]
    if missing:
        raise GoldError(where, f"{label}: missing {', '.join(missing)}")
    for key, kind in schema.items():
        if key in item:
            _check(item[key], kind, f"{label}.{key}", where, text)
    if "start" in item:
        _check_span(item, label, where, text)
    if ("lat" in item) != ("lon" in item):
        raise GoldError(where, f"{label}: give both lat and lon, or neither")
    if name == "quantities" and item.get("value") is None and item.get("low") is None and item.get("high") is None:
        raise GoldError(where, f"{label}: a quantity needs a value, low or high")
    return item


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "num": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "num?": lambda v: v is None or (isinstance(v, int | float) and not isinstance(v, bool)),
    "str+": lambda v: isinstance(v, str) or (isinstance(v, list) and bool(v) and all(isinstance(s, str) for s in v)),
    "qid": lambda v: isinstance(v, str) and bool(QID.match(v)),
    "span": lambda v: isinstance(v, dict) and set(v) <= {"start", "end", "text"} and "start" in v and "end" in v,
}
_WANTED = {"int": "an integer", "bool": "true or false", "str": "a string", "num": "a number", "num?": "a number or null",
           "str+": "a string or a list of strings", "qid": "a Wikidata QID such as Q90, or NIL",
           "span": 'an object {"start", "end"}'}


def _check(value: Any, kind: str, label: str, where: str, text: str) -> None:
    if not _CHECKS[kind](value):
        raise GoldError(where, f"{label} must be {_WANTED[kind]}, not {value!r}")
    if kind == "span":
        _check_span(value, label, where, text)


def _check_span(item: dict[str, Any], label: str, where: str, text: str) -> None:
    start, end = item["start"], item["end"]
    if not (_CHECKS["int"](start) and _CHECKS["int"](end) and 0 <= start < end <= len(text)):
        raise GoldError(where, f"{label}: span {start!r}:{end!r} is not inside the text (length {len(text)})",
                        "offsets are 0-based code points, end exclusive")
    if "text" in item and text[start:end] != item["text"]:
        raise GoldError(where, f"{label}: text {item['text']!r} differs from text[{start}:{end}] "
                               f"{text[start:end]!r}")


def iter_gold_lines(docs: list[GoldDoc]) -> Iterator[str]:
    """Gold documents back as JSON Lines (e.g. to save what an adapter converted)."""
    for doc in docs:
        record: dict[str, Any] = {"id": doc.id, "text": doc.text}
        if doc.lang:
            record["lang"] = doc.lang
        if doc.published:
            record["published"] = doc.published
        if doc.entity_kinds is not None:
            record["entity_kinds"] = list(doc.entity_kinds)
        record.update(doc.facts)
        yield json.dumps(record, ensure_ascii=False)
