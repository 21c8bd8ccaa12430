"""Marking the differences between two versions for reading side by side."""

from __future__ import annotations

from careleavers.plans import schedule
from careleavers.plans.diff import compare_plans, lines_diff, text_diff
from careleavers.plans.snapshots import PlanSnapshot, SectionView


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


# A plan's sections compared: the summary a manager reads before deciding -------------------


def _snapshot(words: dict[str, str], planned: dict[str, str] | None = None) -> PlanSnapshot:
    planned = planned or {}
    sections = tuple(
        SectionView(
            key=definition.key,
            number=definition.number,
            title=definition.title,
            young_person_title=definition.young_person_title,
            help=definition.help,
            assessment_label=definition.assessment_label,
            young_persons_words=words.get(definition.key, ""),
            assessment="",
            actions=(),
            planned_label="Question" if definition.planned_field else "",
            planned=planned.get(definition.key, ""),
        )
        for definition in schedule.PLAN_SECTIONS
    )
    return PlanSnapshot(
        plan_id=1,
        number=1,
        young_person_id=1,
        state="submitted",
        state_label="Waiting for authorisation",
        at=None,
        sections=sections,
        goals=(),
        effective_from=None,
        effective_to=None,
        shared_on=None,
        shared_method_label="",
        copy_given_and_explained=False,
        agreement_label="",
        young_persons_response="",
    )


def test_sections_are_summarised_as_changed_added_or_unchanged():
    older = _snapshot({"finance": "I save £10.", "health": "I am well."})
    newer = _snapshot({"finance": "I save £20.", "health": "I am well.", "identity": "Me."})

    summary = compare_plans(older, newer).summary

    assert summary["changed"] == ["Financial support"]
    assert summary["added"] == ["Identity: faith, culture and language"]
    assert "Health and wellbeing" in summary["unchanged"]
    assert "Financial support" not in summary["unchanged"]
    assert summary["also"] == []


def test_a_changed_section_keeps_its_older_and_newer_text():
    older = _snapshot({"finance": "I save £10."})
    newer = _snapshot({"finance": "I save £20."})

    (changed,) = compare_plans(older, newer).changed_sections

    assert changed.title == "Financial support"
    assert "I save £" in changed.words.before
    assert "10" in changed.words.before
    assert "20" in changed.words.after


def test_a_changed_structured_answer_changes_its_section():
    older = _snapshot({"education_and_training": "College."}, {"education_and_training": "F2"})
    newer = _snapshot({"education_and_training": "College."}, {"education_and_training": "F4"})

    comparison = compare_plans(older, newer)

    assert comparison.summary["changed"] == ["Education and training"]


def test_identical_versions_have_nothing_changed():
    snapshot = _snapshot({"finance": "I save £10."})
    comparison = compare_plans(snapshot, snapshot)
    assert comparison.changed_titles == []
    assert len(comparison.summary["unchanged"]) == len(schedule.PLAN_SECTIONS)
