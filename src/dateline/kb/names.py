"""Comparing names across spellings: folding, tokens, and a skeleton that survives romanisation.

Three levels, each looser than the last:
- `fold`: case, accents and apostrophes folded ("Kyïv" = "kyiv"). Exact matching uses folded tokens.
- `skeleton`: Cyrillic written in Latin letters (`lang/<code>/script.yaml`), one language's way of
  romanising rewritten to the English one (`decode` in `lang/<code>/orthography.yaml`: German
  "Selenskyj", French "Choïgou"), then the letters that romanisations disagree on merged (y/j/i,
  w/v, z/s, kh/h, zh/sh, doubled letters). "Wolodymyr Selenskyj", "Volodymyr Zelenskyy" and
  "Володимир Зеленський" share one skeleton.
- fuzzy: rapidfuzz's ratio between skeletons, for what the skeleton still misses (see `kb.KB.fuzzy`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from .. import lang as langdata

WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "ʹ": "'"})
# Letters the romanisations of one name disagree on, merged (applied after `decode`).
_MERGE = {"shch": "sh", "kh": "h", "zh": "sh", "ph": "f", "ck": "k", "x": "ks", "y": "i", "j": "i",
          "w": "v", "z": "s", "q": "k", "c": "k", "'": ""}
_MERGE_RE = re.compile("|".join(sorted(_MERGE, key=len, reverse=True)))
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case and accents folded, apostrophes unified: the key exact matching uses."""
    text = text.translate(_APOSTROPHES).casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> Iterator[re.Match[str]]:
    """The letter and digit runs of `text` (hyphens, apostrophes, dots and spaces separate them)."""
    return WORD.finditer(text)


def key(text: str) -> tuple[str, ...]:
    """The folded words of a name: the exact-match key ("Kim Jong-un" -> ("kim", "jong", "un"))."""
    return tuple(WORD.findall(fold(text)))


@functools.cache
def _tables() -> list[dict[str, str]]:
    found = [(data.get("priority", 99), data["to_latin"]) for data in langdata.load_topic("script").values()
             if isinstance(data.get("to_latin"), dict)]
    return [{k.casefold(): v for k, v in table.items()} for _, table in sorted(found, key=lambda t: t[0])]


@functools.cache
def _decoder(code: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    pairs = langdata.load(code, "orthography").get("decode") or []
    if not pairs:
        return None
    table = {str(a): str(b) for a, b in pairs}
    pattern = re.compile("|".join(re.escape(a) for a in sorted(table, key=len, reverse=True)))
    return pattern, table


@functools.cache
def conventions() -> list[str]:
    """Languages with a romanisation `decode` table."""
    return [code for code in langdata.languages() if _decoder(code)]


@functools.cache
def _spelt_out() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in langdata.languages():
        table.update({str(a): str(b) for a, b in (langdata.load(code, "orthography").get("spelt_out") or {}).items()})
    return table


def spelt_out(name: str) -> str | None:
    """The name with the letters some languages write as two so written ("Österreich" ->
    "Oesterreich", `spelt_out` in `lang/<code>/orthography.yaml`); None when it has none of them."""
    table = _spelt_out()
    if not any(ch.lower() in table for ch in name):
        return None
    out = []
    for ch in name:
        two = table.get(ch.lower())
        out.append(ch if two is None else two.capitalize() if ch.isupper() else two)
    return "".join(out)


def to_latin(word: str) -> str:
    """A lower-case Cyrillic word in Latin letters, by the first table that knows all its letters."""
    if all(ord(ch) < 0x400 for ch in word):
        return word
    for table in _tables():
        if all(ch in table or ord(ch) < 0x400 for ch in word):
            return "".join(table.get(ch, ch) for ch in word)
    return word


@functools.lru_cache(maxsize=200_000)
def skeleton(text: str, convention: str | None = None) -> str:
    """The spelling-independent form of a name, reading Latin letters by `convention`'s romanisation."""
    low = text.translate(_APOSTROPHES).casefold()
    cyrillic = not low.isascii() and any("\u0400" <= ch <= "\u04ff" for ch in low)
    if cyrillic:  # before accents go: й and ё are letters of their own
        low = " ".join(to_latin(w) for w in WORD.findall(low))
    low = fold(low)
    dec = _decoder(convention) if convention and not cyrillic else None
    if dec is not None:  # (a Cyrillic name read in Latin letters is already in the English convention)
        pattern, table = dec
        low = pattern.sub(lambda m: table[m.group()], low)
    low = _MERGE_RE.sub(lambda m: _MERGE[m.group()], low)
    return " ".join(_DOUBLE.sub(r"\1", w) for w in WORD.findall(low))


def skeletons(text: str, conventions_: list[str]) -> set[str]:
    """The skeletons of `text` read by the English convention and by each of `conventions_`."""
    found = {skeleton(text)}
    found.update(skeleton(text, c) for c in conventions_)
    found.discard("")
    return found
