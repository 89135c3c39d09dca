"""`dateline eval`: score Dateline against gold facts (docs/evaluation.md).

Exit status: 0 normally, 1 when a score falls below its --floors minimum, 2 for a usage error or
an invalid gold file.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..api import Extractor
from ..config import Options

EXAMPLES = """examples:
  dateline eval gold.jsonl
  dateline eval --set hipe2022-newseye-sonar --fields entities --explain
  dateline eval --set fr-timebank --format json --floors floors.json
sets (read from ../shared/data, or --data DIR):
  hipe2022-newseye-sonar geowebnews fr-timebank recognizers-text-specs semeval2015-timeline
"""


def add_eval_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="score Dateline against gold facts (precision, recall, F1)",
                        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("gold", nargs="?", metavar="GOLD.jsonl", help="gold file (format: docs/evaluation.md)")
    ev.add_argument("--set", dest="set_name", metavar="NAME", help="score a development data set instead")
    ev.add_argument("--data", metavar="DIR", help="folder holding the data sets (default ../shared/data)")
    ev.add_argument("--fields", action="extend", type=lambda s: [f for f in s.split(",") if f],
                    metavar="F[,F]", help="fields or sub-scores to score (default: all)")
    ev.add_argument("--explain", action="store_true", help="list every miss and false hit with its text")
    ev.add_argument("--format", choices=("table", "json"), default="table")
    ev.add_argument("--floors", metavar="FILE", help="JSON {score: minimum F1}; exit 1 when one is below")
    ev.add_argument("--limit", type=int, metavar="N", help="score only the first N gold documents")
    ev.add_argument("--no-models", action="store_true", help="do not load trained spaCy pipelines (rules only)")
    ev.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from .. import evaluate as ev  # noqa: PLC0415 - keeps `dateline extract` start-up light

    # Every check of the user's input comes before the models load (a typo should cost no minute).
    floors = ev.read_floors(args.floors) if args.floors else {}
    scores = ev.scores_for(args.fields)
    gold = ev.load_gold(args.gold, args.set_name, args.data, args.limit)
    from ..evaluate.adapters import SET_OPTIONS  # noqa: PLC0415

    options = Options(use_models=not args.no_models, **SET_OPTIONS.get(args.set_name or "", {}))
    result = ev.evaluate(gold, Extractor(options), scores)
    failures = ev.check_floors(result, floors)
    if args.format == "json":
        print(json.dumps(ev.to_json(result, args.explain, failures), ensure_ascii=False, indent=2))
    else:
        if args.explain:
            print(ev.explain(result) or "(no misses, no false hits)")
            print()
        print(ev.table(result, args.set_name or args.gold))
    for line in failures:
        print(f"dateline: floor failed: {line}", file=sys.stderr)
    return 1 if failures else 0
