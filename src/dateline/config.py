"""Options shared by the API and the CLI: one object instead of long keyword lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DEFAULT_STAGES: tuple[str, ...] = (
    "dateline.clean.v1",
    "dateline.language.v1",
    "dateline.nlp.v1",
    "dateline.translation.v1",
    "dateline.entities.v3",
    "dateline.quantities.v1",
    "dateline.times.v1",
    "dateline.events.v1",
)

# Languages the detector chooses between. A short, explicit set keeps lingua fast (0.3 ms/doc) and
# its memory small; add a language here when Dateline gets data files for it.
DEFAULT_LANGUAGES: tuple[str, ...] = ("fr", "en", "de", "es", "it", "pt", "nl", "pl", "ru", "uk")

# spaCy pipelines tried per language, in order; a language with none installed gets a blank
# pipeline with a sentencizer, so every language works without a trained model.
DEFAULT_MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_sm"),
    "de": ("de_core_news_md", "de_core_news_sm"),
    "es": ("es_core_news_md", "es_core_news_sm"),
    "it": ("it_core_news_md", "it_core_news_sm"),
    "ru": ("ru_core_news_md", "ru_core_news_sm"),
    "uk": ("uk_core_news_md", "uk_core_news_sm"),
}


@dataclass(frozen=True)
class Options:
    """How to read and process reports."""

    max_bytes: int = 20 * 1024 * 1024
    lang: str | None = None
    published: dt.date | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    models: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    use_models: bool = True
    # TimeML's references and recurrences ("actuellement" PRESENT_REF, "chaque année" P1Y, from each
    # language's time.yaml `fixed`): off by default (news timelines want dates), on for TimeBank.
    time_references: bool = False
    # Texts longer than this get spaCy's tokenizer and sentencizer only, not the trained model.
    nlp_max_chars: int = 100_000
    # A cleaned text longer than this is cut at a paragraph or space before the limit and the rest
    # is listed in `removed`: 200,000 characters is some 30,000 words, far beyond a news report, and
    # a 10 MB "report" would otherwise cost minutes in every stage.
    max_chars: int = 200_000
