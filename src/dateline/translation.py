"""Is this text a machine translation, and from which language? Evidence as spans.

Four kinds of evidence, all general rules over per-language data, none a list of one text's words:
- foreign_word: a word unknown to the document language's lexicon but known to another's
  (wordfreq's lists), weighted 1/k when k other languages know it, so international names
  weigh little; people's names (NER PER, or runs of capitalised words) are skipped.
- transliteration: a capitalised word unknown to the document language showing a trait of another
  language's romanisation of Cyrillic (`romanization` in lang/<code>/orthography.yaml).
- calque: number formatting, quotation marks or day-number writing native to another language.
- boilerplate: page furniture removed by cleaning that belongs to another language (no span: it is
  not in the cleaned text; listed under `translation.signals`).
The verdict: the best-scoring other language needs a score of at least `_SUSPECT` from at least two
kinds of evidence, or `_SUSPECT_ONE_KIND` from one.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from . import lang as langdata
from .document import Document, Evidence, Span, Translation
from .pipeline import Context, register

NAME = "dateline.translation.v1"

_SUSPECT = 2.0
_SUSPECT_ONE_KIND = 3.0
_MIN_WORD = 4
_KNOWN_ZIPF = 1.0
_MIN_COMPOUND = 10  # shorter words split into two known parts too easily by chance
_MIN_PART = 4
# A sentence with at least this many foreign words making up this share of its words is a quotation.
_QUOTE_RUN = 3
_QUOTE_SHARE = 0.3
_CALQUE_WEIGHT = {"number_format": 0.5, "quotes": 0.5, "ordinal_dot": 0.7}
_CALQUE_CAP = 1.0  # one kind of calque, however often repeated, is worth at most this much
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,'\u00a0\u202f ])\d{3})+(?![\d])(?:[.,]\d+)?")
_ORDINAL_DOT = re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\.\s(?=[^\W\d_]{3,})")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]|[^\W\d_]")


@dataclass(frozen=True)
class _Orthography:
    code: str
    thousands: frozenset[str]
    quotes: frozenset[str]
    ordinal_dot: bool
    compounds: bool
    traits: tuple[tuple[re.Pattern[str], float, frozenset[str], str], ...]


def _load_orthographies() -> dict[str, _Orthography]:
    out = {}
    for code, data in langdata.load_topic("orthography").items():
        traits = tuple((re.compile(t["pattern"]), float(t["weight"]), frozenset(t.get("not_in", [])),
                        t.get("note", "")) for t in data["romanization"])
        out[code] = _Orthography(code, frozenset(data["thousands_separators"]), frozenset(data["quotes"]),
                                 bool(data.get("ordinal_dot")), bool(data.get("compounds")), traits)
    return out


class _Lexicons:
    """`known(word, lang)`: does the word occur in that language's usage at all (wordfreq's Zipf
    frequency of at least `_KNOWN_ZIPF`, about once per 100 million words)? Names that a language's
    press uses ("Scholz" and "Bundestag" in French) are known to it; "Haubitzen" is not."""

    def __init__(self) -> None:
        from wordfreq import zipf_frequency

        self._zipf = zipf_frequency
        self._cache: dict[tuple[str, str], bool] = {}

    def known(self, word: str, code: str) -> bool:
        key = (word, code)
        hit = self._cache.get(key)
        if hit is None:
            try:
                hit = self._zipf(word, code) >= _KNOWN_ZIPF
            except (LookupError, ValueError):  # a language wordfreq has no list for
                hit = False
            if len(self._cache) < 500_000:
                self._cache[key] = hit
        return hit


class _Scores:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.evidence: list[Evidence] = []
        self.by_lang: dict[str, float] = defaultdict(float)
        self.kinds: dict[str, set[str]] = defaultdict(set)
        self.seen: set[tuple[str, str]] = set()
        self.calque_total: dict[tuple[str, str], float] = defaultdict(float)
        self.spans_counted: set[tuple[tuple[int, int], str]] = set()

    def add(self, span: Span | None, kind: str, langs: list[str], weight: float, note: str,
            key: str | None = None) -> None:
        if not langs:
            return
        dedup = (kind, (key or (span.text if span else note)).casefold())
        if dedup in self.seen:
            return
        self.seen.add(dedup)
        share = weight / len(langs)
        # One word is one piece of evidence: a second kind on the same span adds weight, not a kind.
        token = (span.start, span.end) if span is not None else None
        for code in langs:
            if kind == "calque":
                room = _CALQUE_CAP - self.calque_total[(code, note)]
                share_c = max(0.0, min(share, room))
                self.calque_total[(code, note)] += share_c
                self.by_lang[code] += share_c
            else:
                self.by_lang[code] += share
            if token is None or (token, code) not in self.spans_counted:
                self.kinds[code].add(kind)
            if token is not None:
                self.spans_counted.add((token, code))
        if span is not None:
            self.evidence.append(Evidence(span, kind, "|".join(langs), share, note, NAME))


@register(NAME, reads={"text", "lang", "paragraphs", "tokens"}, adds={"translation"})
def make_translation(ctx: Context):
    orthographies = ctx.resource("orthographies", _load_orthographies)
    lexicons = ctx.resource("wordfreq-lexicons", _Lexicons)
    candidates = tuple(c for c in ctx.options.languages if c in orthographies)

    def translation(doc: Document) -> Document:
        own = doc.lang
        if not own or own not in orthographies or not doc.text:
            doc.translation = Translation(stage=NAME)
            return doc
        others = [c for c in candidates if c != own]
        scores = _Scores(doc)
        tokens = list(_tokens(doc))  # read once: both word rules walk the same tokens
        _foreign_words(doc, tokens, own, others, lexicons, scores,
                       [c for c in others if orthographies[c].compounds])
        _transliterations(doc, tokens, own, others, orthographies, lexicons, scores)
        _calques(doc, own, others, orthographies, scores)
        signals = _boilerplate(doc, own, scores)
        doc.translation = _verdict(scores, own)
        doc.translation.signals = signals
        return doc

    return translation


def _tokens(doc: Document):
    """(start, end, text, is_name) for each word; spaCy tokens when present, else a regex."""
    sdoc = doc.nlp_doc
    if sdoc is not None:
        names = _name_tokens(sdoc)
        for tok in sdoc:
            if tok.is_alpha:
                yield tok.idx, tok.idx + len(tok.text), tok.text, tok.i in names
        return
    for m in _WORD.finditer(doc.text):
        yield m.start(), m.end(), m.group(), False


def _name_tokens(sdoc) -> set[int]:
    """Token indices that belong to people's names: NER PER, or runs of 2+ capitalised words
    not at a sentence start (what a model-less pipeline can still see)."""
    names = {t.i for ent in sdoc.ents if ent.label_ in ("PER", "PERSON") for t in ent}
    run: list[int] = []
    for tok in list(sdoc) + [None]:
        if tok is not None and tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start:
            run.append(tok.i)
            continue
        if len(run) >= 2:
            names.update(run)
        run = []
    surface = {sdoc[i].text for i in names}
    return names | {t.i for t in sdoc if t.text in surface}


def _is_compound(word: str, code: str, lexicons: _Lexicons) -> bool:
    """A long word unknown as a whole that splits into two words known in a compounding language
    ("Waffenpaket" = Waffen + Paket): German leaves such nouns behind untranslated."""
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        for head_form in (head, head[:-1] if head.endswith("s") else None):  # linking -s-
            if head_form and lexicons.known(head_form, code) and lexicons.known(tail.capitalize(), code):
                return True
    return False


def _foreign_words(doc, tokens, own, others, lexicons, scores, compounding=()) -> None:
    # A paragraph or a sentence mostly in another language is a quotation, not translation damage:
    # machine translation leaves isolated words behind, not whole runs of them.
    foreign = [(p.span.start, p.span.end) for p in doc.paragraphs if p.lang and p.lang != own]
    found: list[tuple[int, int, int, list[str]]] = []  # start, end, sentence index, languages
    words_per_sentence: dict[int, int] = defaultdict(int)
    starts = [s.start for s in doc.sentences]
    for start, end, word, is_name in tokens:
        if len(word) < _MIN_WORD:
            continue
        sentence = bisect.bisect_right(starts, start)
        words_per_sentence[sentence] += 1
        if is_name or word.isupper() or any(a <= start < b for a, b in foreign):
            continue
        if lexicons.known(word, own):
            continue
        knowing = [c for c in others if lexicons.known(word, c)]
        if not knowing and len(word) >= _MIN_COMPOUND:
            knowing = [c for c in compounding if c != own and _is_compound(word, c, lexicons)]
        if knowing:
            found.append((start, end, sentence, knowing))
    per_sentence: dict[int, int] = defaultdict(int)
    for _, _, sentence, _ in found:
        per_sentence[sentence] += 1
    for start, end, sentence, knowing in found:
        if per_sentence[sentence] >= _QUOTE_RUN and per_sentence[sentence] >= _QUOTE_SHARE * words_per_sentence[sentence]:
            continue
        scores.add(doc.span(start, end), "foreign_word", knowing, 1.0,
                   f"unknown in {own}, known in {', '.join(knowing)}")


def _transliterations(doc, tokens, own, others, orthographies, lexicons, scores) -> None:
    for start, end, word, _ in tokens:
        if len(word) < _MIN_WORD or not word[:1].isupper() or lexicons.known(word, own):
            continue
        token = word if not word.isupper() else word.capitalize()
        best: dict[str, tuple[float, str]] = {}
        for code in others:
            for pattern, weight, not_in, note in orthographies[code].traits:
                if own in not_in or not pattern.search(token):
                    continue
                if weight > best.get(code, (0.0, ""))[0]:
                    best[code] = (weight, note)
        for code, (weight, note) in best.items():
            scores.add(doc.span(start, end), "transliteration", [code], weight, note, key=f"{code}:{token}")


def _calques(doc, own, others, orthographies, scores) -> None:
    mine = orthographies[own]
    for m in _NUMBER.finditer(doc.text):
        sep = m.group(1)
        if sep in mine.thousands:
            continue
        langs = [c for c in others if sep in orthographies[c].thousands]
        scores.add(doc.span(m.start(), m.end()), "calque", langs, _CALQUE_WEIGHT["number_format"],
                   f"thousands separator {sep!r} is not {own} usage", key=m.group())
    foreign_quotes = {q for c in others for q in orthographies[c].quotes} - mine.quotes
    if foreign_quotes:
        for m in re.finditer(f"[{re.escape(''.join(sorted(foreign_quotes)))}]", doc.text):
            ch = m.group()
            langs = [c for c in others if ch in orthographies[c].quotes]
            scores.add(doc.span(m.start(), m.end()), "calque", langs, _CALQUE_WEIGHT["quotes"],
                       f"quotation mark {ch!r} is not {own} usage", key=f"{ch}@{m.start()}")
    if not mine.ordinal_dot:
        langs = [c for c in others if orthographies[c].ordinal_dot]
        for m in _ORDINAL_DOT.finditer(doc.text):
            nxt = doc.text[m.end():m.end() + 1]
            if nxt.islower():
                scores.add(doc.span(m.start(), m.end() - 1), "calque", langs, _CALQUE_WEIGHT["ordinal_dot"],
                           "day number written with a dot", key=f"ord@{m.start()}")


def _boilerplate(doc, own, scores) -> list[dict]:
    signals = []
    for removed in doc.removed:
        if removed.lang and removed.lang != own:
            scores.add(None, "boilerplate", [removed.lang], 1.0,
                       f"{removed.reason} in {removed.lang}", key=removed.text)
            signals.append({"kind": "boilerplate", "lang": removed.lang, "text": removed.text,
                            "reason": removed.reason})
    return signals


def _verdict(scores: _Scores, own: str) -> Translation:
    if not scores.by_lang:
        return Translation(stage=NAME)
    best = max(scores.by_lang, key=lambda c: (scores.by_lang[c], len(scores.kinds[c])))
    score = scores.by_lang[best]
    spans_for_best = [e for e in scores.evidence if best in e.lang.split("|")]
    suspected = bool(spans_for_best) and (
        (score >= _SUSPECT and len(scores.kinds[best]) >= 2) or score >= _SUSPECT_ONE_KIND)
    evidence = sorted(scores.evidence, key=lambda e: e.span.start)
    return Translation(suspected, best if suspected else None, score, evidence, NAME)
