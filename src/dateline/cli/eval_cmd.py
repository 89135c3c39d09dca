"""`dateline eval` (issue 4): registered here so `dateline --help` lists it once it exists."""

from __future__ import annotations

import argparse


def add_eval_parser(sub: argparse._SubParsersAction) -> None:
    return None
