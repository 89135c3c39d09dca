"""Speed of Dateline's whole extraction against bare spaCy `nlp.pipe`, same French model, same texts.

    .venv/bin/python bench/speed.py [--docs 200] [--repeat 3]

Texts: the French Wikinews articles of ../shared/data/wikinews (cycled up to --docs), else the
project's own French fixtures. Both sides run in this one process with models loaded before timing;
each side runs --repeat times and the median is reported. Prints documents/s, words/s, the ratio
of the two times (target: Dateline <= 1.5x bare spaCy) and peak memory (max RSS) after each side.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS_FR = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_fr.jsonl"


def load_texts(n: int) -> tuple[list[str], str]:
    if WIKINEWS_FR.is_file():
        texts = [json.loads(line)["text"] for line in WIKINEWS_FR.open(encoding="utf-8") if line.strip()]
        origin = str(WIKINEWS_FR.relative_to(ROOT.parent))
    else:
        fixtures = sorted((ROOT / "tests" / "fixtures" / "articles").glob("fr_*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in fixtures]
        origin = "tests/fixtures/articles/fr_*.txt"
    # Cycled copies get a distinct last line so no cache can recognise a repeat.
    out = [f"{texts[i % len(texts)]}\n\n({i})" for i in range(n)]
    return out, origin


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy

    import dateline

    texts, origin = load_texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load("fr_core_news_md")
    extractor = dateline.Extractor()
    list(extractor.extract_many(texts[:2]))  # load every model and data file before timing

    bare = timed(lambda: list(nlp.pipe(texts, batch_size=8)), args.repeat)
    bare_mb = peak_mb()
    ours = timed(lambda: list(extractor.extract_many(texts)), args.repeat)
    ours_mb = peak_mb()

    print(f"texts: {len(texts)} from {origin}, {words:,} words; median of {args.repeat} runs; python {sys.version.split()[0]}")
    print(f"{'':18}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'peak RSS MB':>13}")
    print(f"{'bare spaCy pipe':18}{bare:9.2f}{len(texts) / bare:9.1f}{words / bare:10.0f}{bare_mb:13.0f}")
    print(f"{'dateline extract':18}{ours:9.2f}{len(texts) / ours:9.1f}{words / ours:10.0f}{ours_mb:13.0f}")
    print(f"ratio dateline / bare spaCy: {ours / bare:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
