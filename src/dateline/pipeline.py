"""Stages registered by versioned name, built once, run in a configured order.

A stage factory receives the shared `Context` (options plus a per-process cache of models and data)
and returns a callable `Document -> Document`. Factories run once per `Pipeline`, so models and
language data are loaded once per process, not per document. Each stage declares what it reads and
what it adds; building a pipeline checks that every read is provided by an earlier stage.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .config import Options
from .document import Document
from .errors import ConfigError

log = logging.getLogger(__name__)

StageFn = Callable[[Document], Document]

# What a document has before any stage runs (set by the readers).
INITIAL_FIELDS = frozenset({"raw", "meta"})


@dataclass(frozen=True)
class StageSpec:
    name: str  # "dateline.clean.v1"
    factory: Callable[["Context"], StageFn]
    reads: frozenset[str]
    adds: frozenset[str]


_REGISTRY: dict[str, StageSpec] = {}

# Versions whose behaviour this release no longer has, with the version that replaced them. A saved
# configuration naming one fails loudly rather than give other results under the old name.
RETIRED: dict[str, str] = {
    "dateline.entities.v1": "dateline.entities.v3",  # 2026-11: states of the text's time, case endings
    "dateline.entities.v2": "dateline.entities.v3",  # 2026-11: ISO 3166-2 subdivisions, common-word towns
}


def register(name: str, *, reads: Iterable[str] = (), adds: Iterable[str] = ()) -> Callable:
    """Register a stage factory under a versioned name such as "dateline.clean.v1"."""
    if name.count(".") < 2 or not name.rsplit(".", 1)[1].startswith("v"):
        raise ConfigError(f"stage name {name!r} must look like 'dateline.<what>.v<N>'")

    def deco(factory: Callable[["Context"], StageFn]) -> Callable[["Context"], StageFn]:
        _REGISTRY[name] = StageSpec(name, factory, frozenset(reads), frozenset(adds))
        return factory

    return deco


def registered() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    # Importing the stage modules registers them; done lazily to keep `import dateline` light.
    from . import clean, entities, events, langid, nlp, translation  # noqa: F401
    from .normalize import quantities, times  # noqa: F401


@dataclass
class Context:
    """Options and the process-wide cache of loaded resources (models, language data)."""

    options: Options
    cache: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def resource(self, key: str, load: Callable[[], Any]) -> Any:
        """Load a resource once per process (per context) and return it ever after."""
        with self._lock:
            if key not in self.cache:
                log.debug("loading %s", key)
                self.cache[key] = load()
            return self.cache[key]


_SHARED_CACHE: dict[str, Any] = {}


class Pipeline:
    """An ordered chain of built stages."""

    def __init__(self, options: Options | None = None, *, context: Context | None = None) -> None:
        self.options = options or Options()
        self.context = context or Context(self.options, cache=_SHARED_CACHE)
        specs = registered()
        self.specs: list[StageSpec] = []
        have = set(INITIAL_FIELDS)
        for name in self.options.stages:
            spec = specs.get(name)
            if spec is None and name in RETIRED:
                raise ConfigError(f"stage {name!r} was replaced by {RETIRED[name]!r}, whose results differ; "
                                  "this release does not keep the old behaviour: name the new stage, or use "
                                  "the release that produced your saved results")
            if spec is None:
                raise ConfigError(f"unknown stage {name!r}; registered: {', '.join(sorted(specs))}")
            missing = spec.reads - have
            if missing:
                raise ConfigError(f"stage {name} reads {sorted(missing)}, which no earlier stage adds")
            have |= spec.adds
            self.specs.append(spec)
        self.stages: list[tuple[str, StageFn]] = [(s.name, s.factory(self.context)) for s in self.specs]

    def with_options(self, **changes: Any) -> "Pipeline":
        """The same stages and loaded resources under other options (e.g. a per-call language)."""
        options = replace(self.options, **changes)
        return Pipeline(options, context=Context(options, cache=self.context.cache))

    def __call__(self, doc: Document) -> Document:
        for name, stage in self.stages:
            doc = _run(name, stage, doc)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 8) -> Iterator[Document]:
        """Process many documents; stages that can batch (spaCy) see `batch_size` at a time."""
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch_size:
                yield from self._batch(chunk)
                chunk = []
        if chunk:
            yield from self._batch(chunk)

    def _batch(self, docs: list[Document]) -> list[Document]:
        for name, stage in self.stages:
            batch = getattr(stage, "batch", None)
            if batch is None:
                docs = [_run(name, stage, d) for d in docs]
                continue
            try:
                docs = batch(docs)
                for d in docs:
                    d.stages.append(name)
            except Exception:  # one bad document must not fail its neighbours: redo one by one
                log.exception("batch of stage %s failed; retrying one by one", name)
                docs = [_run(name, stage, d) for d in docs]
        return docs


def _run(name: str, stage: StageFn, doc: Document) -> Document:
    try:
        doc = stage(doc)
    except RecursionError:
        doc.problem(name, "input too deeply nested to process; stage skipped")
    except Exception as exc:  # a stage must not take the batch down with it
        log.exception("stage %s failed on %s", name, doc.id)
        doc.problem(name, f"internal error, stage skipped: {type(exc).__name__}: {exc}")
    doc.stages.append(name)
    return doc
