"""Per-language knowledge as data: `lang/<code>/<topic>.yaml`, the same topics for every language.

Generic code asks for a topic across languages (`load_topic("boilerplate")`) or for one language
(`load("fr", "orthography")`); it never branches on a language code. Each topic has one schema,
checked when the file is loaded, so a broken data file fails loudly and names itself.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError

# Topic -> required top-level keys and their types. Keys beyond these are allowed (documented in
# each file's header comment).
SCHEMAS: dict[str, dict[str, type]] = {
    "boilerplate": {"lines": list},
    "orthography": {"thousands_separators": list, "decimal_separator": str,
                    "quotes": list, "romanization": list, "calques": list},
    "numbers": {"thousands_separators": list, "decimal_separator": str, "words": dict,
                "multipliers": dict, "approximate": dict, "articles": list, "connectors": list,
                "of_words": list, "vague": list, "qualifiers": dict, "ranges": dict, "increment": dict,
                "units": list, "measures": dict, "casualty_joiners": list, "months": list,
                "time_suffixes": list, "ordinal_suffixes": list, "cautious_space_grouping": bool,
                "digit_suffixes": dict, "fractions": dict, "fraction_plurals": dict,
                "ordinal_fractions": list, "lone_fractions": list, "fraction_blockers": list,
                "negative_words": list, "not_negative_after": list, "decimal_words": list,
                "over_words": list, "indian_grouping": bool, "pronoun_one_after": dict},
    "script": {"to_latin": dict},
    "entities": {"demonyms": dict, "institutions": dict, "links": list, "possessive": bool, "titles": list,
                 "person_particles": list, "not_names": list},
    "events": {"triggers": dict, "mode_cues": dict, "roles": dict},
    "attribution": {"source_before": list, "source_after": list, "verbs": list, "report_nouns": list,
                    "quotes": list, "described_sources": dict},
    "modality": {"alleged": dict, "possible": dict, "expected": dict, "negated": dict, "hypothetical": dict,
                 "denied": dict},
    "time": {"months": dict, "ambiguous_months": list, "capitalized": bool, "weekdays": dict,
             "units": dict, "parts_of_day": dict, "numbers": dict, "vague": list,
             "day_suffix": str, "date_orders": list, "numeric_order": str, "modifiers": dict,
             "month_intro": list, "year_intro": list, "range": dict, "ago_before": list,
             "ago_after": list, "approx": list, "relative": list, "future": str, "age_before": list,
             "age_after": list, "clock": list},
}


def languages() -> list[str]:
    """Codes of the languages that ship data files, sorted."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


@functools.cache
def load(code: str, topic: str) -> dict[str, Any]:
    """The data of one topic for one language ({} when the language has no such file)."""
    path = resources.files(__package__) / code / f"{topic}.yaml"
    if not path.is_file():
        return {}
    where = f"lang/{code}/{topic}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from None
    _validate(data, topic, where)
    return data


def load_topic(topic: str) -> dict[str, dict[str, Any]]:
    """One topic for every language that has it: {code: data}."""
    out = {code: load(code, topic) for code in languages()}
    return {code: data for code, data in out.items() if data}


def _validate(data: Any, topic: str, where: str) -> None:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a mapping is expected at the top level")
    for key, kind in SCHEMAS.get(topic, {}).items():
        if key not in data:
            raise ConfigError(f"{where}: missing key {key!r}")
        if not isinstance(data[key], kind):
            raise ConfigError(f"{where}: {key!r} must be a {kind.__name__}")
    for entry in _patterns(data):
        try:
            re.compile(entry)
        except re.error as exc:
            raise ConfigError(f"{where}: bad pattern {entry!r}: {exc}") from None


def _patterns(data: dict[str, Any]) -> list[str]:
    found = []
    for value in data.values():
        if isinstance(value, list):
            found += [e["pattern"] for e in value if isinstance(e, dict) and "pattern" in e]
    return found
