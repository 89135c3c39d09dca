"""GeoWebNews (en): toponyms with GeoNames ids and coordinates, as place entities.

Kept: mentions of a named place, whether the place is meant literally ("in Afrin") or stands for
its people or state ("Turkey shelled"). Left out: generic location words (`*_Expression`), names
embedded in a longer name, demonyms, languages, homonyms and non-toponyms. The set annotates
places only, so predicted entities of other kinds are not counted (`entity_kinds`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..gold import GoldDoc
from . import from_jsonl

TOPONYMS = {"Literal", "Mixed", "Literal_Modifier", "Non_Literal_Modifier", "Metonymic", "Coercion"}


def load(folder: Path) -> list[GoldDoc]:
    return from_jsonl(folder / "geowebnews.jsonl", _record)


def _record(article: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"gwn:{article['doc_id']}", "text": article["text"], "lang": "en", "entity_kinds": ["place"],
            "entities": [_entity(t) for t in article["toponyms"] if t["type"] in TOPONYMS]}


def _entity(toponym: dict[str, Any]) -> dict[str, Any]:
    entity: dict[str, Any] = {"start": toponym["start"], "end": toponym["end"],
                              "text": toponym["extractedName"], "kind": "place"}
    if toponym.get("geonamesID"):
        entity["geonames"] = str(toponym["geonamesID"])
    if toponym.get("latitude") is not None and toponym.get("longitude") is not None:
        entity["lat"], entity["lon"] = float(toponym["latitude"]), float(toponym["longitude"])
    if toponym.get("normalisedName"):
        entity["name"] = toponym["normalisedName"]
    return entity
