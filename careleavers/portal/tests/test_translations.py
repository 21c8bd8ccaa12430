"""The committed translations are complete and compiled, and every word of the young person's
pages is marked for translation. Nothing here needs gettext's tools: CI machines may not have
them, and the service never compiles a translation when it runs."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

PORTAL_TEMPLATES = Path(settings.BASE_DIR) / "careleavers" / "portal" / "templates" / "portal"
# Staff pages in the portal app: always English, so their words are not marked.
STAFF_TEMPLATES = {
    "invite.html",
    "outbox.html",
    "record_requests.html",
    "request_handle.html",
    "panels/account.html",
}
YOUNG_PERSONS_TEMPLATES = sorted(
    path
    for path in PORTAL_TEMPLATES.rglob("*.html")
    if str(path.relative_to(PORTAL_TEMPLATES)) not in STAFF_TEMPLATES
)
# The sign-in, account and error pages young people share with staff (portal/language.py,
# SHARED_ACCOUNT_PAGES), and the messages and emails those pages send.
ACCOUNT_TEMPLATES = Path(settings.BASE_DIR) / "careleavers" / "accounts" / "templates"
CORE_TEMPLATES = Path(settings.BASE_DIR) / "careleavers" / "core" / "templates"
SHARED_TEMPLATES = sorted(
    [
        *(ACCOUNT_TEMPLATES / "account").rglob("*.html"),
        *(ACCOUNT_TEMPLATES / "account").rglob("*.txt"),
        ACCOUNT_TEMPLATES / "accounts" / "email_change.html",
        ACCOUNT_TEMPLATES / "accounts" / "locked_out.html",
        *(CORE_TEMPLATES / name for name in ("403.html", "404.html", "500.html")),
    ]
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


CATALOGUES = sorted(
    po_path
    for locale_path in settings.LOCALE_PATHS
    for po_path in Path(locale_path).glob("*/LC_MESSAGES/django.po")
)


def test_there_is_an_arabic_translation() -> None:
    assert any(path.parts[-3] == "ar" for path in CATALOGUES)


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_entry_is_translated_and_none_is_fuzzy(po_path: Path) -> None:
    catalogue = polib.pofile(str(po_path))
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.percent_translated() == 100
    assert catalogue.fuzzy_entries() == []
    for entry in catalogue:
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        assert all(text.strip() for text in translations), entry.msgid
        # A placeholder lost or misspelt in a translation would break the page.
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) <= set(
                PLACEHOLDER.findall(entry.msgid + entry.msgid_plural)
            ), entry.msgid
        if not entry.msgid_plural:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_the_committed_mo_file_matches_the_po_file(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.is_file(), f"compile {po_path} and commit {mo_path.name}"
    source = {
        (entry.msgid, entry.msgid_plural): entry.msgstr_plural or entry.msgstr
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }
    compiled = {
        (entry.msgid, entry.msgid_plural): entry.msgstr_plural or entry.msgstr
        for entry in polib.mofile(str(mo_path))
    }
    assert compiled == source, f"{mo_path} is out of date: run manage.py compilemessages"


def _unmarked_words(source: str) -> list[str]:
    """The words of a template left outside {% translate %} and {% blocktranslate %}."""
    for pattern in (
        # English on purpose, marked as English (the note that a translation is a draft).
        r'<span lang="en"[^>]*>.*?</span>',
        r"{% comment %}.*?{% endcomment %}",
        r"{#.*?#}",
        r"{% blocktranslate.*?{% endblocktranslate %}",
        r"{%.*?%}",
        r"{{.*?}}",
        r"<[^>]*>",
    ):
        source = re.sub(pattern, " ", source, flags=re.DOTALL)
    return re.findall(r"[A-Za-z]{2,}", source)


@pytest.mark.parametrize(
    "template",
    YOUNG_PERSONS_TEMPLATES,
    ids=lambda path: str(path.relative_to(PORTAL_TEMPLATES)),
)
def test_every_word_of_the_young_persons_pages_is_marked(template: Path) -> None:
    assert _unmarked_words(template.read_text()) == []


def test_the_check_of_unmarked_words_finds_them() -> None:
    assert _unmarked_words('<p class="x">Hello {{ name }}</p>') == ["Hello"]
    assert _unmarked_words('<p>{% translate "Hello" %} {{ name }}</p>') == []


@pytest.mark.parametrize("template", SHARED_TEMPLATES, ids=lambda path: "/".join(path.parts[-3:]))
def test_every_word_of_the_shared_sign_in_and_error_pages_is_marked(template: Path) -> None:
    assert _unmarked_words(template.read_text()) == []
