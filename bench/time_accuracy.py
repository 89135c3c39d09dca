"""Time-value accuracy of the times stage against dateparser alone, on French TimeBank (dev part).

    .venv/bin/python bench/time_accuracy.py [--show-errors]

Data: ../shared/data/fr-timebank/timex.jsonl (72 French regional news articles, 252 TIMEX3 with
ISO-TimeML values anchored on each document's creation date); skipped when absent.

Scoring (TempEval-3 style, "value F1"): a gold TIMEX3 counts as correct when a predicted time
overlaps its span and has the same value; a prediction counts as correct when it overlaps a gold
TIMEX3 with the same value. Precision = correct predictions / predictions, recall = correct gold /
gold, F1 their harmonic mean. "value accuracy" is recall over all gold (the brief's target); also
printed: extent recall (any overlapping prediction) and value accuracy on the gold whose extent was
found (TempEval-3's "value accuracy" given extents).

Baseline: dateparser's `search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": dct})`;
each found string is located in the text in order, and its value is normalised through
`DateDataParser.get_date_data(...).period` (day -> YYYY-MM-DD, week -> YYYY-Www, month -> YYYY-MM,
year -> YYYY, time -> YYYY-MM-DDTHH:MM), the same formats as the stage's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Gold values of the kinds the stage emits (not PRESENT_REF, seasons, SETs, XXXX-, decades, zones).
IN_SCOPE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d)?"
                      r"|PT?(?:[\d.]+|X)[YMWDHS]")
DATA = ROOT.parent / "shared" / "data" / "fr-timebank" / "timex.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.open(encoding="utf-8") if line.strip()]


def ours(docs: list[dict]) -> list[list[tuple[int, int, str | None]]]:
    from dateline.config import Options
    from dateline.document import Document
    from dateline.normalize.times import make_times
    from dateline.pipeline import Context

    stage = make_times(Context(Options(time_references=True)))  # TimeBank annotates TimeML references
    out = []
    for d in docs:
        pub = dt.date.fromisoformat(d["dct"]["value"][:10])
        doc = stage(Document(id=d["doc_id"], raw=d["text"], text=d["text"], lang="fr", published=pub))
        out.append([(t.span.start, t.span.end, t.value) for t in doc.times])
    return out


def _dp_value(data, fmt_time: bool) -> str | None:
    when, period = data.date_obj, data.period
    if when is None:
        return None
    if fmt_time or period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        y, w, _ = when.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return {"month": f"{when:%Y-%m}", "year": f"{when:%Y}"}.get(period, when.date().isoformat())


def dateparser_alone(docs: list[dict]) -> list[list[tuple[int, int, str | None]]]:
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    out = []
    for d in docs:
        base = dt.datetime.fromisoformat(d["dct"]["value"][:10])
        settings = {"RELATIVE_BASE": base}
        found = search_dates(d["text"], languages=["fr"], settings=settings) or []
        parser = DateDataParser(languages=["fr"], settings=settings)
        preds, pos = [], 0
        for surface, _ in found:
            start = d["text"].find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            value = _dp_value(parser.get_date_data(surface), fmt_time=False)
            preds.append((start, pos, value))
        out.append(preds)
    return out


def in_scope(docs: list[dict]) -> list[dict]:
    return [{**d, "timex3": [g for g in d["timex3"] if g["type"] != "SET" and IN_SCOPE.fullmatch(g["value"])]}
            for d in docs]


def score(docs, predictions, show_errors: bool = False) -> dict[str, float]:
    gold_n = pred_n = gold_ok = pred_ok = found = 0
    for d, preds in zip(docs, predictions):
        gold = d["timex3"]
        gold_n += len(gold)
        pred_n += len(preds)
        for g in gold:
            over = [p for p in preds if p[0] < g["end"] and g["start"] < p[1]]
            found += bool(over)
            hit = any(p[2] == g["value"] for p in over)
            gold_ok += hit
            if show_errors and not hit:
                print(f"  miss {d['dct']['value']} {g['surface']!r} gold={g['value']} "
                      f"got={[(d['text'][p[0]:p[1]], p[2]) for p in over]}")
        for p in preds:
            pred_ok += any(p[0] < g["end"] and g["start"] < p[1] and p[2] == g["value"] for g in gold)
    precision = pred_ok / pred_n if pred_n else 0.0
    recall = gold_ok / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold_n, "predicted": pred_n, "extent_recall": found / gold_n if gold_n else 0.0,
            "value_acc_found": gold_ok / found if found else 0.0, "value_accuracy": recall,
            "precision": precision, "recall": recall, "f1": f1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list the stage's missed gold values")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent")
        return 0
    docs = load()
    scoped = in_scope(docs)
    rows = []
    for name, run in (("dateline.times.v1", ours), ("dateparser alone", dateparser_alone)):
        t0 = time.perf_counter()
        preds = run(docs)
        elapsed = time.perf_counter() - t0
        rows.append((name, "all", score(docs, preds, args.show_errors and name.startswith("dateline")),
                     elapsed))
        rows.append((name, "in scope", score(scoped, preds), elapsed))
    print(f"French TimeBank dev: {len(docs)} documents, {rows[0][2]['gold']} gold TIMEX3 "
          f"({rows[1][2]['gold']} in the stage's value space: no SET, PRESENT_REF, season, XXXX, decade)")
    print(f"{'system':20} {'gold':8} {'pred':>5} {'ext.R':>6} {'val|ext':>7} {'val.acc':>7} {'P':>6} "
          f"{'R':>6} {'F1':>6} {'s':>6}")
    for name, which, s, elapsed in rows:
        print(f"{name:20} {which:8} {s['predicted']:5d} {s['extent_recall']:6.3f} "
              f"{s['value_acc_found']:7.3f} "
              f"{s['value_accuracy']:7.3f} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{elapsed:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
