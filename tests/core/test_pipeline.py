"""Building a pipeline from stage names: unknown, retired and misordered stages fail at build time."""

from __future__ import annotations

import pytest

from dateline.config import DEFAULT_STAGES, Options
from dateline.errors import ConfigError
from dateline.pipeline import RETIRED, Pipeline, registered


def test_every_default_stage_is_registered_and_none_is_retired():
    names = registered()
    for name in DEFAULT_STAGES:
        assert name in names
        assert name not in RETIRED


def test_a_retired_version_names_its_replacement():
    old, new = next(iter(RETIRED.items()))
    stages = tuple(old if s == new else s for s in DEFAULT_STAGES)
    assert old in stages
    with pytest.raises(ConfigError) as err:
        Pipeline(Options(stages=stages))
    assert repr(old) in str(err.value) and repr(new) in str(err.value)


def test_an_unknown_stage_lists_the_registered_ones():
    with pytest.raises(ConfigError, match="unknown stage 'dateline.nothing.v1'.*dateline.clean.v1"):
        Pipeline(Options(stages=("dateline.clean.v1", "dateline.nothing.v1")))


def test_a_stage_before_what_it_reads_is_refused():
    with pytest.raises(ConfigError, match="reads"):
        Pipeline(Options(stages=("dateline.entities.v3", "dateline.clean.v1")))
