"""`dateline extract FILE...|-`: reports in, grounded evidence out.

Exit status: 0 when every input was processed, 1 when some input failed (the others are still
processed and printed), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from ..api import Extractor
from ..config import Options
from ..document import Document
from ..errors import DatelineError, InputError
from ..ingest import parse_date, read_bytes
from ..output import to_markdown

EXAMPLES = """examples:
  dateline extract report.txt --published 2025-03-27
  dateline extract page.html feed.jsonl --format jsonl > facts.jsonl
  curl -s URL | dateline extract - --format md
"""


def _date(value: str) -> dt.date:
    try:
        return parse_date(value, "--published")
    except InputError as err:
        raise argparse.ArgumentTypeError(err.problem) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract grounded facts from reports", epilog=EXAMPLES,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("inputs", nargs="+", metavar="FILE", help="text, Markdown, HTML or JSON Lines files; - for standard input")
    ex.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (anchors relative dates)")
    ex.add_argument("--lang", help="language code, skipping detection (e.g. fr)")
    ex.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    ex.add_argument("--max-bytes", type=int, default=Options.max_bytes, help="refuse inputs larger than this")
    ex.add_argument("--no-models", action="store_true", help="do not load trained spaCy pipelines (rules only)")
    from .eval_cmd import add_eval_parser  # noqa: PLC0415 - keeps extract's start-up light

    add_eval_parser(sub)
    return parser


def _items(extractor: Extractor, inputs: list[str]) -> Iterator[Document | InputError]:
    sources = []
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read(extractor.options.max_bytes + 1)
            sources.extend(read_bytes(data, "<stdin>", extractor.options))
        else:
            sources.append(Path(name))
    return extractor.extract_many(sources)


def run_extract(args: argparse.Namespace) -> int:
    options = Options(max_bytes=args.max_bytes, lang=args.lang.lower() if args.lang else None,
                      published=args.published, use_models=not args.no_models)
    extractor = Extractor(options)
    failed = done = 0
    outputs = []
    for item in _items(extractor, args.inputs):
        if isinstance(item, InputError):
            failed += 1
            print(f"dateline: {item}", file=sys.stderr)
            continue
        done += 1
        if args.format == "jsonl":
            print(json.dumps(item.to_dict(), ensure_ascii=False), flush=True)
        elif args.format == "md":
            print(("\n---\n\n" if done > 1 else "") + to_markdown(item), flush=True)
        else:
            outputs.append(item.to_dict())
    if args.format == "json" and outputs:
        print(json.dumps(outputs[0] if len(outputs) == 1 and len(args.inputs) == 1 else outputs,
                         ensure_ascii=False, indent=2))
    if failed:
        print(f"dateline: {done} processed, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args)
        return args.func(args)
    except DatelineError as err:
        print(f"dateline: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
