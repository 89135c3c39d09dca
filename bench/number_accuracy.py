"""Accuracy of Dateline's number reader against text2num alone, on Recognizers-Text Number specs.

A case counts as right when the multiset of values found in its input equals the gold multiset
(relative tolerance 1e-6); negative cases (no gold result) are right when nothing is found.
Range cases (NumberRangeModel): the quantities stage's bounded quantities (range, at least, more
than, less than, at most) as (low, high) pairs must equal the gold intervals ("(20,35]" is 20..35;
an open side is None); for a one-sided interval the bracket must agree with the qualifier
("[" at least / at most, "(" more than / less than); "exactly 20" is [20, 20]. text2num has no ranges: no baseline there.
text2num alone: `alpha2digit(text, lang)`, then every `\\d+([.,]\\d+)?` of its output read as a number
(text2num has no thousands grouping of its own). Run:

    .venv/bin/python bench/number_accuracy.py [path/to/recognizers-text-specs]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name would hide the standard
# library's `numbers` (which `decimal` imports): drop that folder.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import json  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
from collections import Counter  # noqa: E402

from dateline.normalize.numbers import find_numbers, lexicon  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "recognizers-text-specs"
LANGS = {"en": "English", "fr": "French", "de": "German"}
_T2N_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def gold_values(case: dict, code: str) -> list[float] | None:
    out = []
    for r in case.get("Results", []):
        raw = str(r.get("Resolution", {}).get("value", ""))
        if code != "en":
            raw = raw.replace(".", "").replace(",", ".") if "," in raw else raw
        try:
            out.append(float(raw))
        except ValueError:
            return None  # a gold value that is not a plain number: left out of the count
    return out


def same(found: list[float], gold: list[float]) -> bool:
    if len(found) != len(gold):
        return False
    return all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9) for a, b in zip(sorted(found), sorted(gold)))


def ours(text: str, code: str) -> list[float]:
    return [m.value for m in find_numbers(text, lexicon(code))]


def text2num_alone(text: str, code: str) -> list[float]:
    from text_to_num import alpha2digit

    try:
        converted = alpha2digit(text, code)
    except Exception:  # text2num raises on some inputs: count as nothing found
        return []
    return [float(n.replace(",", ".")) for n in _T2N_NUMBER.findall(converted)]


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])$")
_BOUNDED = {"range", "exactly", "at_least", "more_than", "less_than", "at_most"}


def gold_intervals(case: dict) -> list[tuple] | None:
    out = []
    for r in case.get("Results", []):
        m = _INTERVAL.match(str(r.get("Resolution", {}).get("value", "")))
        if m is None:
            return None
        try:
            low = float(m.group(2)) if m.group(2) else None
            high = float(m.group(3)) if m.group(3) else None
        except ValueError:
            return None
        out.append((low, high, m.group(1) if high is None else m.group(4) if low is None else ""))
    return out


def our_intervals(text: str, code: str) -> list[tuple]:
    from dateline.config import Options
    from dateline.document import Document
    from dateline.normalize.quantities import make_quantities
    from dateline.pipeline import Context

    global _STAGE
    if _STAGE is None:
        _STAGE = make_quantities(Context(Options()))
    doc = _STAGE(Document(id="bench", raw=text, text=text, lang=code))
    out = []
    for q in doc.quantities:
        if q.qualifier not in _BOUNDED:
            continue
        if q.qualifier in ("range", "exactly"):
            out.append((q.low, q.high, ""))
        elif q.qualifier in ("at_least", "more_than"):
            out.append((q.value, None, "[" if q.qualifier == "at_least" else "("))
        else:
            out.append((None, q.value, "]" if q.qualifier == "at_most" else ")"))
    return out


_STAGE = None


def same_intervals(found: list[tuple], gold: list[tuple]) -> bool:
    def key(t):
        return tuple(-1e300 if x is None else x for x in t[:2]) + (t[2],)

    if len(found) != len(gold):
        return False
    for a, b in zip(sorted(found, key=key), sorted(gold, key=key)):
        if a[2] != b[2] or any((x is None) != (y is None) or (x is not None and not math.isclose(x, y, rel_tol=1e-6))
                               for x, y in zip(a[:2], b[:2])):
            return False
    return True


def ranges(root: Path) -> None:
    print(f"\n{'lang':<5}{'ranges':>7}{'dateline':>10}")
    for code, folder in LANGS.items():
        path = root / "Number" / folder / "NumberRangeModel.json"
        if not path.is_file():
            continue
        n = right = 0
        for case in json.loads(path.read_text(encoding="utf-8")):
            gold = gold_intervals(case)
            if gold is None:
                continue
            n += 1
            right += same_intervals(our_intervals(case["Input"], code), gold)
        print(f"{code:<5}{n:>7}{right / max(n, 1):>10.1%}")


def main(root: Path = DEFAULT) -> None:
    if not root.is_dir():
        print(f"skipped: {root} is absent")
        return
    print(f"{'lang':<5}{'cases':>7}{'dateline':>10}{'text2num':>10}")
    for code, folder in LANGS.items():
        path = root / "Number" / folder / "NumberModel.json"
        if not path.is_file():
            print(f"{code:<5} skipped: {path} is absent")
            continue
        score: Counter[str] = Counter()
        for case in json.loads(path.read_text(encoding="utf-8")):
            gold = gold_values(case, code)
            if gold is None:
                continue
            score["n"] += 1
            score["ours"] += same(ours(case["Input"], code), gold)
            score["t2n"] += same(text2num_alone(case["Input"], code), gold)
        n = score["n"] or 1
        print(f"{code:<5}{score['n']:>7}{score['ours'] / n:>10.1%}{score['t2n'] / n:>10.1%}")
    ranges(root)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
