"""Marking the differences between two versions for reading side by side."""

from __future__ import annotations

from careleavers.plans.diff import lines_diff, text_diff


def test_changed_words_are_marked_removed_on_the_left_and_added_on_the_right():
    diff = text_diff("I want to live in Leeds.", "I want to live in Bradford.")
    assert diff.changed
    assert '<del class="app-diff__removed">' in diff.before
    assert "Leeds" in diff.before
    assert "Bradford" not in diff.before
    assert '<ins class="app-diff__added">' in diff.after
    assert "Bradford" in diff.after
    assert "<del" not in diff.after


def test_changes_carry_words_for_screen_readers():
    diff = text_diff("a", "b")
    assert '<span class="govuk-visually-hidden">[removed: </span>' in diff.before
    assert '<span class="govuk-visually-hidden">[added: </span>' in diff.after


def test_unchanged_text_has_no_marks():
    diff = text_diff("Same words.", "Same words.")
    assert not diff.changed
    assert "<ins" not in diff.after
    assert "<del" not in diff.before


def test_text_is_escaped():
    diff = text_diff("", "<script>alert(1)</script>")
    assert "<script>" not in diff.after
    assert "&lt;script&gt;" in diff.after


def test_line_breaks_are_kept():
    diff = text_diff("one\ntwo", "one\ntwo")
    assert "one<br>two" in diff.before


def test_lists_mark_removed_and_added_lines():
    diff = lines_diff(["Open a bank account", "Register with a GP"], ["Register with a GP"])
    assert diff.changed
    assert "<del" in diff.before
    assert "Open a bank account" in diff.before
    assert "<ins" not in diff.after


def test_an_empty_list_says_none():
    assert "None" in lines_diff([], []).before


def test_a_rewritten_phrase_reads_as_one_change():
    diff = text_diff("I am saving £10 weekly.", "I am saving ten pounds a week.")
    assert "ten pounds a week" in diff.after
    assert diff.after.count("<ins") == 1
