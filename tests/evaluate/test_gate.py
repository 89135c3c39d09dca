"""The accuracy gate of CI: `dateline eval` on the project's gold must stay at or above the floors
stored beside it (tests/gold/*.floors.json). Floors only ever rise: raise them when you improve."""

from __future__ import annotations

import copy
import json

import pytest

import dateline
from dateline.evaluate import check_floors, evaluate, load_gold, read_floors, scores_for

from ..conftest import ROOT, SHARED

GOLD = ROOT / "tests" / "gold"
CORPORA = [("own.jsonl", False), ("wikinews.jsonl", True)]


def _score(name: str, extractor):
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"{path} not written yet")
    return evaluate(load_gold(path, data=SHARED / "data"), extractor, scores_for(None))


@pytest.mark.parametrize("name,needs_shared", CORPORA)
def test_gold_meets_its_floors(extractor, name, needs_shared):
    if needs_shared and not (SHARED / "data" / "wikinews").is_dir():
        pytest.skip("../shared/data/wikinews is absent")
    floors_file = GOLD / name.replace(".jsonl", ".floors.json")
    floors = read_floors(floors_file)
    assert floors, f"{floors_file} holds no floor"
    result = _score(name, extractor)
    assert check_floors(result, floors) == []


def test_floors_are_never_zero_for_a_working_field():
    # A floor of 0 guards nothing; a field the project extracts must carry a real floor.
    floors = json.loads((GOLD / "own.floors.json").read_text(encoding="utf-8"))
    assert floors and all(value > 0 for value in floors.values())


def test_a_broken_extractor_fails_the_gate(extractor):
    """Monkeypatch one stage out (times and quantities become no-ops): the gate must fail."""
    broken = copy.copy(extractor.pipeline)
    broken.stages = [(name, (lambda doc: doc) if name in ("dateline.times.v1", "dateline.quantities.v1") else fn)
                     for name, fn in extractor.pipeline.stages]
    crippled = dateline.Extractor()
    crippled.pipeline = broken
    result = _score("own.jsonl", crippled)
    failures = check_floors(result, read_floors(GOLD / "own.floors.json"))
    assert any(line.startswith(("times", "quantities")) for line in failures), failures
