"""Demo needs assessments, pathway plans, reviews and review requests.

`seed` is called by the demo builder (careleavers/demo/builder.py) for each chunk of young
people, after accommodation, so accommodation moves can bring reviews forward as the plans app's
move listener does. It is deterministic (every choice comes from the generator it is given, in
the order of the young people given) and writes bulk inserts only: a handful of queries per chunk
to read allocations, team managers, names and accommodation, then one insert per table (ids are
reserved from each table's sequence in blocks, so related rows point at each other without a
query per row). 100,000 young people stay feasible.

What it makes, for every eligible, relevant and former relevant young person aged 16 or over:
- a needs assessment (CPPCR 2010 reg 42) with findings on every matter, completed before the
  first plan; a few who became eligible in the last weeks have one still in progress and no plan;
- pathway plans from about the last nine months (longer for those whose review is overdue),
  each with the ten Schedule 1 sections (the young person's words first, then the worker's
  assessment, written to them), two to six actions (who, by when, status) and one to three
  goals in their words. The first plan follows the assessment; each review starts the next
  plan from the last, carrying over unfinished actions and goals and rewriting the sections
  that changed, as `plans.services.plan_create` does. Earlier plans of young people with a
  longer history are noted as held in the previous case recording system;
- plans written by the allocated worker of the day (the social worker while a looked after child
  is under 18, otherwise the personal adviser), submitted, sometimes returned by the team
  manager with comments and submitted again, authorised by the team manager, and shared with the
  young person (copy given and explained, their agreement and their response), with a
  PlanStateChange for every step and django-simple-history rows, so the plan history, "what did
  the plan say on a date" and compare pages work;
- reviews held mostly within 6 months, some late; a move of accommodation asks for a review
  (the council's local rule, as the move listener does) and is usually met within 28 days; a few
  young people asked for a review. About one in eight has a review overdue today, and some have
  a plan being written after a review, waiting for a manager, or returned.

It writes no audit events (nobody did these things in this system), and no history for
assessments and reviews, which no page reads back.

The seeder for a chunk (seeder.Seeder) is one class in parts: chunk.py reads what the chunk needs
and writes what it collected; seeder.py tells each young person's story from the needs assessment
on; pathway_plans.py writes each plan through its states; reviews.py holds reviews and the
requests for them. The words they choose from are in section_wording.py (the ten sections) and
wording.py (everything else).
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from careleavers.core.dates import age_on
from careleavers.demo.plans.chunk import PLAN_CATEGORIES
from careleavers.demo.plans.seeder import Seeder


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    """Needs assessments, plans and reviews for the eligible, relevant and former relevant
    young people aged 16 or over in this chunk."""
    wanted = [
        person
        for person in young_people
        if person.category in PLAN_CATEGORIES and age_on(person.date_of_birth, today) >= 16
    ]
    if not wanted or not workers:
        return {}
    seeder = Seeder(rng, today, workers)
    for person in seeder.people(wanted):
        seeder.person(person)
    return seeder.save()
