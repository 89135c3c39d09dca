"""Shared fixtures. Models load once per test session (the pipeline caches them per process)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dateline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_c5a1437b33bb8616.txt"


@pytest.fixture(scope="session")
def extractor() -> dateline.Extractor:
    return dateline.Extractor()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed is absent (a user's fresh clone has none)")
    return SEED
