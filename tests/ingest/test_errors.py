"""Unusable inputs: one clear InputError naming the file; the CLI goes on with the rest."""

from __future__ import annotations

import codecs
import json
import random
import subprocess
import sys

import pytest

from dateline.config import Options
from dateline.document import Document
from dateline.errors import InputError
from dateline.ingest import read_path

from ..conftest import ARTICLES, FIXTURES

LATIN1_TEXT = ("Les députés ont adopté mercredi soir le projet de loi sur l'énergie, après des débats très "
               "animés. Le ministre a salué « une étape décisive » pour la transition écologique, tandis que "
               "l'opposition a dénoncé un texte élaboré à la hâte. Les sénateurs l'examineront à la rentrée.\n")


def only_error(path, options: Options | None = None) -> InputError:
    items = list(read_path(path, options or Options()))
    assert len(items) == 1
    assert isinstance(items[0], InputError), items[0]
    err = items[0]
    assert err.source == str(path)
    assert str(err).startswith(f"{path}: ")
    assert "\n" not in str(err)
    return err


BAD_CONTENT = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n   \r\n", "empty"),
    "nul.txt": (b"Un texte\x00avec\x00des\x00octets nuls", "binary"),
    "random.bin": (random.Random(3).randbytes(4096), "binary"),
    "random_no_nul.txt": (bytes(b or 1 for b in random.Random(5).randbytes(4096)), "not a text report|undecodable"),
    "undecodable.txt": (b"Texte \xff\xfe\xfa\xfb\xfc\x80\x81" * 3 + b"\x8d\x8f\x90\x9d" * 10, "undecodable"),
    "controls.txt": (b"\x01\x02\x03\x04 texte \x05\x06\x07\x08" * 20, "binary"),
    "bom_utf16_bad.txt": (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
}


@pytest.mark.parametrize("name", sorted(BAD_CONTENT))
def test_unreadable_content_gives_one_clear_error(tmp_path, name):
    data, expected = BAD_CONTENT[name]
    path = tmp_path / name
    path.write_bytes(data)
    err = only_error(path)
    assert any(word in err.problem for word in expected.split("|")), err.problem


def test_missing_file(tmp_path):
    err = only_error(tmp_path / "absent.txt")
    assert err.problem == "no such file"


def test_directory(tmp_path):
    err = only_error(tmp_path)
    assert "directory" in err.problem and err.hint


def test_over_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Un paragraphe parmi d'autres. " * 10, "utf-8")
    err = only_error(path, Options(max_bytes=100))
    assert "size limit of 100 bytes" in err.problem and "--max-bytes" in str(err)
    assert isinstance(next(iter(read_path(path, Options(max_bytes=10_000)))), Document)


def test_latin1_file_is_decoded_with_a_recorded_problem(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1_TEXT.encode("latin-1"))
    (doc,) = list(read_path(path, Options()))
    assert isinstance(doc, Document), doc
    assert doc.raw == LATIN1_TEXT
    assert any("not UTF-8" in p.message for p in doc.problems)


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom_is_decoded(tmp_path, encoding, bom):
    path = tmp_path / "utf16.txt"
    path.write_bytes(bom + LATIN1_TEXT.encode(encoding))
    (doc,) = list(read_path(path, Options()))
    assert isinstance(doc, Document), doc
    assert doc.raw == LATIN1_TEXT
    assert any("UTF-16" in p.message for p in doc.problems)


def test_utf8_bom_is_dropped_silently(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + LATIN1_TEXT.encode("utf-8"))
    (doc,) = list(read_path(path, Options()))
    assert doc.raw == LATIN1_TEXT and doc.problems == []


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli.main", "extract", "--no-models",
                             "--format", "jsonl", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_cli_goes_on_past_bad_files(tmp_path):
    good = [ARTICLES / "fr_clean_3.txt", ARTICLES / "en_boilerplate.txt", FIXTURES / "html" / "article_fr.html"]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    missing = tmp_path / "missing.txt"
    # Both runs start together: each loads the language models once (slow on a busy machine).
    mixed = _cli(str(good[0]), str(empty), str(good[1]), str(missing), str(binary), str(good[2]))
    all_good = _cli(*map(str, good))
    out, err = mixed.communicate(timeout=900)
    good_out, good_err = all_good.communicate(timeout=900)

    assert mixed.returncode == 1, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["document"]["source"] for d in docs] == list(map(str, good))
    lines = [line for line in err.splitlines() if line.startswith("dateline: ")]
    for bad in (empty, missing, binary):
        assert sum(str(bad) in line for line in lines) == 1, err
    assert lines[-1] == "dateline: 3 processed, 3 failed"
    assert len(lines) == 4

    assert all_good.returncode == 0, good_err
    assert len(good_out.splitlines()) == 3
    assert "failed" not in good_err
