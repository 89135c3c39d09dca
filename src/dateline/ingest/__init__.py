"""Readers: text, Markdown, HTML and JSON Lines in; `Document`s (or `InputError`s) out."""

from .readers import Item, doc_id, from_text, parse_date, read_bytes, read_path

__all__ = ["Item", "doc_id", "from_text", "parse_date", "read_bytes", "read_path"]
