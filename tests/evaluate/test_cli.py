"""`dateline eval`: table and JSON output, --explain, and the --floors gate (with a fake extractor,
so the gate is shown to fail when an extractor is deliberately broken)."""

from __future__ import annotations

import json

import pytest

from dateline.cli import eval_cmd
from dateline.cli.main import main
from dateline.evaluate.gold import read_gold

from .helpers import OracleExtractor

TEXT = "Au moins neuf personnes ont été blessées jeudi à Kharkiv."
RECORD = {"id": "kh", "text": TEXT, "lang": "fr", "published": "2025-03-27",
          "entities": [{"start": 49, "end": 56, "text": "Kharkiv", "wikidata": "Q42262"}],
          "quantities": [{"start": 0, "end": 13, "value": 9}],
          "times": [{"start": 41, "end": 46, "value": "2025-03-27"}]}


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def use(monkeypatch, gold_file, drop=()):
    extractor = OracleExtractor(read_gold(gold_file), drop)
    monkeypatch.setattr(eval_cmd, "Extractor", lambda options=None: extractor)


def floors(tmp_path, **values) -> str:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    return str(path)


def test_table_for_a_perfect_extractor(monkeypatch, gold_file, capsys):
    use(monkeypatch, gold_file)
    assert main(["eval", str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "1 documents (fr 1)" in out
    row = next(line for line in out.splitlines() if line.startswith("times.value"))
    assert row.split()[-3:] == ["1.000", "1.000", "1.000"]


def test_floors_pass_for_a_perfect_extractor(monkeypatch, gold_file, tmp_path):
    use(monkeypatch, gold_file)
    assert main(["eval", str(gold_file), "--floors", floors(tmp_path, times=0.9, **{"quantities.value": 0.9})]) == 0


def test_floors_fail_for_a_broken_extractor(monkeypatch, gold_file, tmp_path, capsys):
    use(monkeypatch, gold_file, drop=["times"])
    code = main(["eval", str(gold_file), "--floors", floors(tmp_path, times=0.5, **{"quantities.value": 0.5})])
    err = capsys.readouterr().err
    assert code == 1
    assert "times.span: F1 0.000 below its floor 0.500" in err
    assert "quantities" not in err


def test_floor_on_an_unscored_field_fails(monkeypatch, gold_file, tmp_path, capsys):
    use(monkeypatch, gold_file)
    assert main(["eval", str(gold_file), "--floors", floors(tmp_path, claims=0.1)]) == 1
    assert "claims.value: not scored" in capsys.readouterr().err


def test_unknown_floor_name_is_a_usage_error(monkeypatch, gold_file, tmp_path, capsys):
    use(monkeypatch, gold_file)
    assert main(["eval", str(gold_file), "--floors", floors(tmp_path, tims=0.1)]) == 2
    assert "unknown score 'tims'" in capsys.readouterr().err


def test_explain_lists_misses_with_their_text(monkeypatch, gold_file, capsys):
    use(monkeypatch, gold_file, drop=["entities"])
    assert main(["eval", str(gold_file), "--explain", "--fields", "entities"]) == 0
    out = capsys.readouterr().out
    assert "kh\tentities.recognition\tMISS\t'Kharkiv'[49:56]" in out
    assert "times" not in out


def test_json_format(monkeypatch, gold_file, capsys):
    use(monkeypatch, gold_file, drop=["quantities"])
    assert main(["eval", str(gold_file), "--format", "json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["quantities.value"]["all"] == {"gold": 1, "predicted": 0, "tp": 0, "fp": 0, "fn": 1,
                                                         "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert data["scores"]["times.value"]["fr"]["f1"] == 1.0
    assert [e["text"] for e in data["errors"] if e["score"] == "quantities.value"] == ["Au moins neuf"]


def test_invalid_gold_is_a_clear_usage_error(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x", "times": [{"start": 0, "end": 1}]}\n', encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    assert f"{path}:1: times[0]: missing value" in capsys.readouterr().err


def test_gold_or_set_is_required(capsys):
    assert main(["eval"]) == 2
    assert "give a gold file or --set NAME" in capsys.readouterr().err


def test_unknown_field(gold_file, capsys):
    assert main(["eval", str(gold_file), "--fields", "entites"]) == 2
    assert "unknown field(s) entites" in capsys.readouterr().err
