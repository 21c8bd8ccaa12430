"""What casework adds to other apps, registered when core discovers this module at start-up."""

from __future__ import annotations

from careleavers.casework.home_panel import work_summary
from careleavers.core.home import HomePanel, home_panels

home_panels.register(
    HomePanel(
        key="casework_work", template="casework/home_work.html", context=work_summary, order=10
    )
)
