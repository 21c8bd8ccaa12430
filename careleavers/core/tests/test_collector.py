"""The collector is paused inside the block and restored after, even when the job fails."""

from __future__ import annotations

import gc

import pytest

from careleavers.core.collector import collector_paused


def test_paused_inside_and_running_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_when_the_job_fails() -> None:
    with pytest.raises(RuntimeError, match="failed"), collector_paused():
        raise RuntimeError("the job failed")
    assert gc.isenabled()


def test_left_off_when_it_was_off_before() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
