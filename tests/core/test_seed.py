"""Issue 3's acceptance on the seed report (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_seed_through_the_cli(seed_path):
    proc = subprocess.run([sys.executable, "-m", "dateline.cli.main", "extract", str(seed_path), "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    doc = out["document"]
    assert doc["lang"] == "fr"
    assert doc["title"] and doc["text"].count(doc["title"]) == 1
    assert any(r["text"] == "Kommentare (0)" and r["reason"] == "comment counter" for r in doc["removed"])
    assert "Kommentare" not in doc["text"]
    tr = doc["translation"]
    assert tr["suspected"] is True and tr["from"] == "de"
    kinds = {e["kind"] for e in tr["evidence"]}
    assert {"foreign_word", "transliteration"} <= kinds
    for e in tr["evidence"]:
        assert doc["text"][e["start"]:e["end"]] == e["text"]
