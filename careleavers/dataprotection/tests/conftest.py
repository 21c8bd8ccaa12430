from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings: Any, tmp_path: Any) -> None:
    # Subject access files go to the default storage; keep them out of the repository.
    settings.MEDIA_ROOT = str(tmp_path / "media")
