"""Differences between two versions of a plan, marked up for reading side by side.

Removed text is wrapped in <del> and added text in <ins>. Colour and strike-through are not
enough on their own (WCAG 1.4.1), and screen readers do not announce <ins> and <del>, so each
change also carries visually hidden words saying where it starts and ends.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from careleavers.plans.snapshots import PlanSnapshot

# Words, runs of spaces and single punctuation marks: fine enough to mark a changed word,
# coarse enough that a changed sentence reads as one change.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def _text(tokens: Sequence[str]) -> str:
    return escape("".join(tokens)).replace("\r\n", "\n").replace("\n", "<br>")


def _removed(content: str) -> str:
    return (
        '<del class="app-diff__removed"><span class="govuk-visually-hidden">[removed: </span>'
        f'{content}<span class="govuk-visually-hidden">]</span></del>'
    )


def _added(content: str) -> str:
    return (
        '<ins class="app-diff__added"><span class="govuk-visually-hidden">[added: </span>'
        f'{content}<span class="govuk-visually-hidden">]</span></ins>'
    )


@dataclass(frozen=True)
class TextDiff:
    before: SafeString  # the older text with removals marked
    after: SafeString  # the newer text with additions marked
    changed: bool


def _is_small(tokens: Sequence[str]) -> bool:
    """An unchanged stretch too small to read as its own: spaces, or one short word."""
    words = [token for token in tokens if not token.isspace()]
    return not words or (len(words) == 1 and len(words[0]) <= 3)


def _segments(old: Sequence[str], new: Sequence[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(changed, old tokens, new tokens) runs. A small unchanged stretch between two changes
    joins them, so "ten pounds a week" replacing "£10" reads as one change, not four."""
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    segments: list[tuple[bool, list[str], list[str]]] = []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        changed = op != "equal"
        sandwiched = (
            not changed
            and segments
            and segments[-1][0]
            and index + 1 < len(opcodes)
            and _is_small(old[i1:i2])
        )
        if (changed or sandwiched) and segments and segments[-1][0]:
            segments[-1][1].extend(old[i1:i2])
            segments[-1][2].extend(new[j1:j2])
        else:
            segments.append((changed, list(old[i1:i2]), list(new[j1:j2])))
    return segments


def text_diff(before: str, after: str) -> TextDiff:
    """Mark the words removed from `before` and the words added in `after`."""
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    left: list[str] = []
    right: list[str] = []
    for changed, old_tokens, new_tokens in _segments(old, new):
        if not changed:
            left.append(_text(old_tokens))
            right.append(_text(new_tokens))
            continue
        if old_tokens:
            left.append(_removed(_text(old_tokens)))
        if new_tokens:
            right.append(_added(_text(new_tokens)))
    return TextDiff(
        before=mark_safe("".join(left)),  # noqa: S308 - every piece of text was escaped above
        after=mark_safe("".join(right)),  # noqa: S308
        changed=old != new,
    )


def lines_diff(before: Sequence[str], after: Sequence[str]) -> TextDiff:
    """Compare two lists of lines (actions, goals): removed lines on the left, added on the
    right, one list item each."""
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(None, list(before), list(after), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for line in before[i1:i2]:
            content = escape(line)
            left.append(f"<li>{content if op == 'equal' else _removed(content)}</li>")
        for line in after[j1:j2]:
            content = escape(line)
            right.append(f"<li>{content if op == 'equal' else _added(content)}</li>")

    def as_list(items: list[str]) -> SafeString:
        if not items:
            return format_html('<p class="govuk-body">{}</p>', "None")
        return mark_safe(  # noqa: S308 - the items were escaped above
            '<ul class="govuk-list govuk-list--bullet">' + "".join(items) + "</ul>"
        )

    return TextDiff(
        before=as_list(left), after=as_list(right), changed=list(before) != list(after)
    )


@dataclass(frozen=True)
class SectionComparison:
    key: str
    title: str
    words: TextDiff
    assessment: TextDiff
    assessment_label: str
    actions: TextDiff
    planned: TextDiff
    planned_label: str  # empty: the section has no structured answer
    was_empty: bool  # nothing was written in the older version

    @property
    def changed(self) -> bool:
        parts = (self.words, self.assessment, self.actions, self.planned)
        return any(part.changed for part in parts)

    @property
    def status(self) -> str:
        """ "added" where the older version had nothing written, then "changed" or
        "unchanged": what a manager deciding needs before reading the detail."""
        if not self.changed:
            return UNCHANGED
        return ADDED if self.was_empty else CHANGED


CHANGED, ADDED, UNCHANGED = "changed", "added", "unchanged"


@dataclass(frozen=True)
class PlanComparison:
    sections: tuple[SectionComparison, ...]
    goals: TextDiff
    response: TextDiff

    @property
    def summary(self) -> dict[str, list[str]]:
        """Section titles by status, and the other parts that changed ("also")."""
        found: dict[str, list[str]] = {CHANGED: [], ADDED: [], UNCHANGED: [], "also": []}
        for section in self.sections:
            found[section.status].append(section.title)
        if self.goals.changed:
            found["also"].append("Goals")
        if self.response.changed:
            found["also"].append("What the young person said about the plan")
        return found

    @property
    def changed_sections(self) -> list[SectionComparison]:
        """Changed or added sections, to show their older and newer text."""
        return [section for section in self.sections if section.changed]

    @property
    def changed_titles(self) -> list[str]:
        summary = self.summary
        changed = [section.title for section in self.sections if section.changed]
        return changed + summary["also"]


def compare_plans(older: PlanSnapshot, newer: PlanSnapshot) -> PlanComparison:
    """Section by section, what changed between two versions of a plan."""
    sections = []
    for new_section in newer.sections:
        old_section = next((s for s in older.sections if s.key == new_section.key), None)
        old_words = old_section.young_persons_words if old_section else ""
        old_assessment = old_section.assessment if old_section else ""
        old_actions = [a.line for a in old_section.actions] if old_section else []
        old_planned = old_section.planned if old_section else ""
        sections.append(
            SectionComparison(
                key=new_section.key,
                title=new_section.title,
                words=text_diff(old_words, new_section.young_persons_words),
                assessment=text_diff(old_assessment, new_section.assessment),
                assessment_label=new_section.assessment_label,
                actions=lines_diff(old_actions, [a.line for a in new_section.actions]),
                planned=text_diff(old_planned, new_section.planned),
                planned_label=new_section.planned_label,
                was_empty=not (old_words or old_assessment or old_actions or old_planned),
            )
        )
    return PlanComparison(
        sections=tuple(sections),
        goals=lines_diff([g.line for g in older.goals], [g.line for g in newer.goals]),
        response=text_diff(older.young_persons_response, newer.young_persons_response),
    )
