"""`manage.py seed_demo`: deterministic synthetic data for the demo and the benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from careleavers.accounts.models import User
from careleavers.casework.stored_work import stored_work_items_refresh_everyone
from careleavers.demo.builder import DemoSize, build_demo


class Command(BaseCommand):
    help = "Load a synthetic council's staff and young people (deterministic for a given seed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--young-people", type=int, default=DemoSize.young_people)
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has users (so restarts keep data).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Demo data already loaded; keeping it.")
                return
            raise CommandError(
                "The database already has users. seed_demo only loads into an empty database, "
                "so it never overwrites real records."
            )
        if options["young_people"] < 1:
            raise CommandError("--young-people must be at least 1.")
        size = DemoSize.for_young_people(options["young_people"])
        today = timezone.localdate()
        counts = build_demo(seed=options["seed"], size=size, today=today)
        # Once the demo's records are committed, as the daily job would: the work trays read
        # these. (Not inside build_demo's transaction: its commit would then refresh every young
        # person it changed a second time.)
        counts["stored_work_items"] = stored_work_items_refresh_everyone(today).items
        summary = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
