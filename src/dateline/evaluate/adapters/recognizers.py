"""Microsoft Recognizers-Text specs (en, fr, de): each test sentence a small document.

Number and NumberWithUnit cases become quantities (value; ranges as low/high with a qualifier;
unit for currencies, dimensions, ages, temperatures, and `%` for percentages); DateTime cases become
times whose acceptable values are the TIMEX and the resolved values, against the case's reference
date (2016-11-07, the specs' default, when the case gives none). `End` in the specs is inclusive.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..gold import GoldDoc, from_record

LANGS = {"English": "en", "French": "fr", "German": "de"}
DEFAULT_REFERENCE = "2016-11-07"
RANGE = re.compile(r"^([\[(])\s*([^,]*?)\s*,\s*([^\])]*?)\s*([\])])$")
# interval brackets -> Dateline qualifier: "[20," at least 20, "(20," more than 20, ...
QUALIFIERS = {("[", None): "at_least", ("(", None): "more_than", (None, "]"): "at_most", (None, ")"): "less_than"}


def load(folder: Path) -> list[GoldDoc]:
    docs = []
    for path in sorted(folder.glob("*/*/*.json")):
        lang = LANGS.get(path.parent.name)
        if lang is None:
            continue
        field = "times" if path.parent.parent.name == "DateTime" else "quantities"
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            where = f"{path}:case {i}"
            docs.append(from_record(_record(case, field, lang, f"{path.stem}-{lang}:{i}"), where))
    return docs


def _record(case: dict[str, Any], field: str, lang: str, doc_id: str) -> dict[str, Any]:
    text = case["Input"]
    record: dict[str, Any] = {"id": doc_id, "text": text, "lang": lang, field: []}
    if field == "times":
        reference = (case.get("Context") or {}).get("ReferenceDateTime") or DEFAULT_REFERENCE
        record["published"] = reference[:10]
    for result in case["Results"]:
        span = _span(text, result)
        fact = (_time if field == "times" else _quantity)(result.get("Resolution") or {}, result.get("TypeName", ""))
        if span and fact:
            record[field].append({**span, **fact})
    return record


def _span(text: str, result: dict[str, Any]) -> dict[str, Any] | None:
    """Offsets of the result. A few cases misplace or omit Start/End and `Text` is sometimes
    lower-cased, so the offsets are checked case-insensitively and the text searched otherwise."""
    where = {**(result.get("Resolution") or {}), **result}
    start, last = where.get("Start", where.get("start")), where.get("End", where.get("end"))
    wanted = result["Text"].casefold()
    if isinstance(start, int) and isinstance(last, int) and _at(text, start, last + 1, wanted):
        return {"start": start, "end": last + 1, "text": text[start:last + 1]}
    start = text.casefold().find(wanted)
    end = start + len(result["Text"])
    return {"start": start, "end": end, "text": text[start:end]} if _at(text, start, end, wanted) else None


def _at(text: str, start: int, end: int, wanted: str) -> bool:
    return 0 <= start < end <= len(text) and text[start:end].casefold() == wanted


def _number(value: str) -> float | None:
    value = value.strip().rstrip("%")
    if "," in value and "." not in value:  # French decimal comma in the specs ("0,2")
        value = value.replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return None


def _quantity(resolution: dict[str, Any], type_name: str) -> dict[str, Any] | None:
    raw = str(resolution.get("value", ""))
    if type_name == "numberrange":
        return _range(raw)
    value = _number(raw)
    if value is None:
        return None
    fact: dict[str, Any] = {"value": value, "qualifier": "exact"}
    units = [u for u in (resolution.get("unit"), resolution.get("isoCurrency")) if u]
    if type_name == "percentage":
        units = ["%"]
    if units:
        fact["unit"] = units if len(units) > 1 else units[0]
    return fact


def _range(raw: str) -> dict[str, Any] | None:
    m = RANGE.match(raw)
    if not m:
        return None
    opening, low, high, closing = m.groups()
    low_n, high_n = (_number(low) if low else None), (_number(high) if high else None)
    if low_n is None and high_n is None:
        return None
    if low_n is not None and low_n == high_n:  # "[20,20]": the number stated as exact ("equals 20")
        return {"value": low_n, "low": low_n, "high": high_n, "qualifier": "exactly"}
    if low_n is not None and high_n is not None:
        qualifier = "range"
    else:
        qualifier = QUALIFIERS[(opening, None) if low_n is not None else (None, closing)]
    return {"low": low_n, "high": high_n, "qualifier": qualifier}


def _time(resolution: dict[str, Any], type_name: str) -> dict[str, Any] | None:
    values: list[str] = []
    for v in resolution.get("values", []):
        candidates = [v.get("timex")]
        if v.get("type") in ("date", "datetime", "time"):
            candidates.append(v.get("value"))
        if v.get("start") and v.get("end"):
            candidates.append(f"{v['start']}/{v['end']}")
        values += [c for c in dict.fromkeys(candidates) if c and c != "not resolved" and c not in values]
    return {"value": values} if values else None
