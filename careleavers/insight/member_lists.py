"""The young people (or records) behind a figure, as its drill-down page and its spreadsheet list
them: counted or not counted, sorted and narrowed as the address asks. One place, so the page
and the spreadsheet made in the background (member_files.py) always list the same rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import Http404, QueryDict

from careleavers.insight import drilldown, presenters, selectors
from careleavers.insight.indicators import Indicator

COUNTED = "counted"
NOT_COUNTED = "not-counted"


def which_list(query: Mapping[str, Any]) -> str:
    return NOT_COUNTED if query.get("list") == NOT_COUNTED else COUNTED


def member_rows(item: Indicator, view: selectors.ScopeView, which: str) -> Any:
    """The rows behind the figure, or (for "not-counted") the rest of the denominator."""
    if which == NOT_COUNTED:
        rows = selectors.exceptions(view=view, indicator=item)
        if rows is None:
            raise Http404("This indicator has no list of those not counted")
        return rows
    return selectors.members(view=view, indicator=item)


def arranged_rows(
    query: QueryDict, item: Indicator, view: selectors.ScopeView, which: str
) -> tuple[Any, drilldown.Arrangement | None]:
    """The list's rows, sorted and narrowed as the query string asks. The arrangement is None
    only for lists about nobody with no columns of their own (staff, posts): they keep their
    order."""
    rows = member_rows(item, view, which)
    kind = drilldown.kind_for(
        rows.model, presenters.record_columns(item, rows.model, on=view.scope.on)
    )
    if kind is None:
        return rows, None
    arrangement = drilldown.Arrangement.from_query(query, kind)
    return drilldown.arrange(rows, arrangement, on=view.scope.on), arrangement
