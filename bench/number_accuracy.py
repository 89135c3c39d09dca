"""Accuracy of Dateline's number reader against text2num alone, on Recognizers-Text Number specs.

A case counts as right when the multiset of values found in its input equals the gold multiset
(relative tolerance 1e-6); negative cases (no gold result) are right when nothing is found.
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


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
