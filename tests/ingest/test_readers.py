"""Readers: plain text, Markdown, HTML, JSON Lines and standard input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline.config import Options
from dateline.document import Document
from dateline.errors import InputError
from dateline.ingest import read_bytes, read_path
from dateline.pipeline import Pipeline

from ..conftest import ARTICLES, FIXTURES

HTML = FIXTURES / "html"
JSONL = FIXTURES / "jsonl"


def one(items) -> Document:
    items = list(items)
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_plain_text_file_is_read_as_is(path):
    doc = one(read_path(path, Options()))
    assert doc.raw == path.read_text("utf-8")
    assert doc.format == "text"
    assert doc.source == str(path)
    assert doc.problems == []
    assert doc.published is None and doc.published_source is None


def test_same_content_gives_the_same_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Un texte identique.\n", "utf-8")
    b.write_text("Un texte identique.\n", "utf-8")
    c = tmp_path / "c.txt"
    c.write_text("Un autre texte.\n", "utf-8")
    ids = [one(read_path(p, Options())).id for p in (a, b, c)]
    assert ids[0] == ids[1] != ids[2]


def test_markdown_markup_is_stripped_and_offsets_map_back(tmp_path):
    raw = ("# Grève dans les transports\n\n"
           "Les syndicats de la **RATP** ont appelé à une grève *jeudi*, selon [un communiqué](https://example.org/c).\n\n"
           "## Ce qui change\n\n"
           "- les métros circuleront peu\n"
           "- les bus __presque normalement__\n")
    path = tmp_path / "note.md"
    path.write_text(raw, "utf-8")
    doc = one(read_path(path, Options()))
    assert doc.format == "markdown"
    doc = Pipeline(Options(stages=("dateline.clean.v1",)))(doc)
    assert not any(mark in doc.text for mark in ("#", "*", "_", "[", "](", "https://"))
    assert "Grève dans les transports" in doc.text
    assert "un communiqué" in doc.text
    assert "les bus presque normalement" in doc.text
    for word in ("Grève", "RATP", "jeudi", "communiqué", "Ce qui change", "métros", "presque normalement"):
        start = doc.text.index(word)
        raw_start = doc.offsets.to_raw(start)
        raw_last = doc.offsets.to_raw(start + len(word) - 1)
        assert raw[raw_start:raw_last + 1] == word


@pytest.mark.parametrize("name,title,published", [
    ("article_fr.html", "Italie : au moins huit morts dans des inondations en Émilie-Romagne", dt.date(2024, 6, 14)),
    ("article_en.html", "Wildfires force thousands to flee in central Chile", dt.date(2024, 3, 21)),
])
def test_html_title_and_date_come_from_metadata(name, title, published):
    doc = one(read_path(HTML / name, Options()))
    assert doc.format == "html"
    assert doc.title is not None and doc.title.startswith(title)
    assert doc.published == published
    assert doc.published_source == "metadata"
    assert "<" not in doc.raw and "cookie" not in doc.raw.lower()


@pytest.mark.parametrize("name", ["article_fr.html", "article_en.html"])
def test_given_publication_date_wins_over_metadata(name):
    given = dt.date(2025, 1, 2)
    doc = one(read_path(HTML / name, Options(published=given)))
    assert doc.published == given
    assert doc.published_source == "given"


@pytest.mark.parametrize("name", ["broken.html", "hostile.html"])
def test_damaged_html_still_gives_text_without_scripts(name):
    doc = one(read_path(HTML / name, Options()))
    assert doc.raw.strip()
    assert "SCRIPT TEXT" not in doc.raw and "console.log" not in doc.raw


def test_a_page_whose_root_is_an_svg_still_gives_its_text():
    # htmldate's cleaning asks lxml to drop the root element, which lxml refuses with an assertion
    page = "<svg><!-->Inondations à Nîmes : deux morts<span><<div></div><p><td><div><div>"
    (doc,) = read_bytes(page.encode(), "<svg-page>", Options(), fmt="html")
    assert isinstance(doc, Document) and "Inondations à Nîmes" in doc.raw


def test_html_is_sniffed_without_a_suffix(tmp_path):
    path = tmp_path / "page"
    path.write_bytes((HTML / "article_fr.html").read_bytes())
    doc = one(read_path(path, Options()))
    assert doc.format == "html"
    assert doc.published_source == "metadata"


def test_jsonl_each_line_is_its_own_document():
    path = JSONL / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    items = list(read_path(path, Options()))
    assert len(items) == len(records) == 5
    for lineno, (item, record) in enumerate(zip(items, records), start=1):
        assert isinstance(item, Document), item
        assert item.source == f"{path}:{lineno}"
        if "id" in record:
            assert item.id == record["id"]
        assert item.lang_given == record.get("lang")
        if "published" in record:
            assert item.published == dt.date.fromisoformat(record["published"][:10])
            assert item.published_source == "given"
        if "title" in record:
            assert item.title == record["title"]
        assert item.format == ("html" if "html" in record else "text")
    assert len({i.id for i in items}) == 5


def test_jsonl_html_record_takes_its_date_from_metadata():
    items = list(read_path(JSONL / "articles.jsonl", Options()))
    html_doc = next(i for i in items if i.format == "html")
    assert html_doc.published == dt.date(2024, 11, 3)
    assert html_doc.published_source == "metadata"


def test_jsonl_given_options_override_each_line():
    given = dt.date(2025, 5, 5)
    items = list(read_path(JSONL / "articles.jsonl", Options(published=given, lang="it")))
    assert all(i.published == given and i.published_source == "given" and i.lang_given == "it" for i in items)


def test_bad_jsonl_gives_the_good_lines_and_an_error_per_bad_line():
    path = JSONL / "bad.jsonl"
    items = list(read_path(path, Options()))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["ok-1", "ok-4"]
    assert [d.lang_given for d in docs] == ["en", "de"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "not valid JSON" in str(errors[0])
    assert '"text"' in str(errors[1])
    assert all(str(e).startswith(f"{path}:") for e in errors)


def test_stdin_text_is_read_with_its_source():
    data = "Un incendie a ravagé un entrepôt à Marseille dans la nuit.\n".encode()
    doc = one(read_bytes(data, "<stdin>", Options()))
    assert doc.source == "<stdin>"
    assert doc.raw == data.decode()
    assert doc.format == "text"


def test_stdin_html_and_jsonl_are_sniffed():
    doc = one(read_bytes((HTML / "article_en.html").read_bytes(), "<stdin>", Options()))
    assert doc.format == "html" and doc.published == dt.date(2024, 3, 21)
    items = list(read_bytes((JSONL / "bad.jsonl").read_bytes(), "<stdin>", Options()))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert items[1].source == "<stdin>:2"


def test_stdin_format_can_be_forced():
    doc = one(read_bytes(b"<p>pas du HTML, du texte</p>", "<stdin>", Options(), fmt="text"))
    assert doc.format == "text" and doc.raw == "<p>pas du HTML, du texte</p>"


def test_stdin_over_the_limit_is_refused():
    (err,) = list(read_bytes(b"x" * 101, "<stdin>", Options(max_bytes=100)))
    assert isinstance(err, InputError) and err.source == "<stdin>" and "--max-bytes" in str(err)
