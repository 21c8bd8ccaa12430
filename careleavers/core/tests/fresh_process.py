"""Python run in a fresh process from the project's folder, for tests of what happens at start-up
(settings, the SQLite demo) that the test run's own process has long since passed."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def python_in_a_fresh_process(
    arguments: list[str], environment: Mapping[str, str], *, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """Run this Python with `arguments` and only `environment`, its output kept as text; the
    test reads the exit status and the output."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=dict(environment),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
