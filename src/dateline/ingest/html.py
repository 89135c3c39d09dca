"""HTML to the article's text, title and publication date, through trafilatura."""

from __future__ import annotations

import logging
from typing import Any

from ..errors import InputError

# trafilatura logs every page it cannot handle; the batch report already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def html_to_text(html: str, source: str) -> dict[str, Any]:
    """Main text of an HTML page plus `title` and `published_metadata` when the page carries them.

    Raises InputError when no readable text can be found.
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (RecursionError, ValueError, TypeError) as exc:  # lxml on pathological markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    except AssertionError:  # lxml refuses to drop a root element while htmldate cleans the page (a lone <svg>)
        result = _without_metadata(html)
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        text = _fallback_text(html)
    if not text or not text.strip():
        raise InputError(source, "no readable text in the HTML", "is it an article page?")
    return {
        "text": text,
        "title": getattr(result, "title", None) or None,
        "published_metadata": getattr(result, "date", None) or None,
    }


def _without_metadata(html: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, with_metadata=False, include_comments=False, include_tables=False)
    except (RecursionError, ValueError, TypeError, AssertionError):
        return None


def _fallback_text(html: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.html2txt(html)
    except (RecursionError, ValueError, TypeError, AssertionError):
        return None
