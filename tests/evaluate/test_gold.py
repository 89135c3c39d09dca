"""Gold validation: every error names file:line and what to fix."""

from __future__ import annotations

import json

import pytest

from dateline.evaluate.gold import GoldError, iter_gold_lines, read_gold

TEXT = "Au moins neuf personnes ont été blessées jeudi à Kharkiv."


def write(tmp_path, *records) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return str(path)


def test_reads_a_valid_file(tmp_path):
    path = write(tmp_path, {"id": "a", "text": TEXT, "lang": "FR", "published": "2025-03-27",
                            "entities": [{"start": 49, "end": 56, "text": "Kharkiv", "wikidata": "Q42262"}],
                            "times": [{"start": 41, "end": 46, "value": ["2025-03-27"]}]}, "",
                 {"text": TEXT})
    docs = read_gold(path)
    assert [d.id for d in docs] == ["a", f"{path}:3"]
    assert docs[0].lang == "fr" and set(docs[0].facts) == {"entities", "times"} and docs[1].facts == {}


@pytest.mark.parametrize(("record", "message"), [
    ("{not json", "not valid JSON"),
    ({"id": "x"}, "exactly one of text, path or ref"),
    ({"text": TEXT, "path": "x.txt"}, "exactly one of text, path or ref"),
    ({"text": TEXT, "entites": []}, "unknown key(s) entites"),
    ({"text": TEXT, "entities": {}}, "entities must be a list"),
    ({"text": TEXT, "entities": [{"start": 49}]}, "entities[0]: missing end"),
    ({"text": TEXT, "entities": [{"start": 49, "end": 99}]}, "entities[0]: span 49:99 is not inside the text"),
    ({"text": TEXT, "entities": [{"start": 49, "end": 56, "text": "Kharkov"}]}, "differs from text[49:56] 'Kharkiv'"),
    ({"text": TEXT, "entities": [{"start": 49, "end": 56, "wikidata": "Kharkiv"}]}, "a Wikidata QID"),
    ({"text": TEXT, "entities": [{"start": 49, "end": 56, "lat": 50.0}]}, "both lat and lon"),
    ({"text": TEXT, "quantities": [{"start": 0, "end": 13}]}, "needs a value, low or high"),
    ({"text": TEXT, "quantities": [{"start": 0, "end": 13, "value": "9"}]}, "value must be a number or null"),
    ({"text": TEXT, "times": [{"start": 41, "end": 46}]}, "times[0]: missing value"),
    ({"text": TEXT, "events": [{"type": "attack", "trigger": {"start": 5}}]}, "trigger must be"),
    ({"text": TEXT, "claims": [{"subject": "x", "measure": "injured"}]}, "claims[0]: missing value"),
    ({"text": TEXT, "published": "27/03/2025"}, "not an ISO date"),
    ({"ref": {"set": "nope", "id": "1"}}, "unknown data set"),
])
def test_errors_name_file_and_line(tmp_path, record, message):
    path = write(tmp_path, {"text": TEXT}, record)
    with pytest.raises(Exception) as info:
        read_gold(path)
    assert f"{path}:2" in str(info.value)
    assert message in str(info.value)


def test_gold_error_is_an_input_error_the_cli_reports(tmp_path):
    path = write(tmp_path, {"text": TEXT, "times": [{"start": 41, "end": 46}]})
    with pytest.raises(GoldError):
        read_gold(path)


def test_path_relative_to_the_gold_file(tmp_path):
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    path = write(tmp_path, {"path": "report.txt", "entities": [{"start": 49, "end": 56, "text": "Kharkiv"}]})
    assert read_gold(path)[0].text == TEXT


def test_round_trip_through_jsonl(tmp_path):
    path = write(tmp_path, {"id": "a", "text": TEXT, "lang": "fr", "entities": [{"start": 49, "end": 56}]})
    docs = read_gold(path)
    again = tmp_path / "again.jsonl"
    again.write_text("\n".join(iter_gold_lines(docs)) + "\n", encoding="utf-8")
    assert [(d.id, d.text, d.facts) for d in read_gold(again)] == [(d.id, d.text, d.facts) for d in docs]
