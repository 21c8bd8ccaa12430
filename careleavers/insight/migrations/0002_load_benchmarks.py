"""Load the DfE benchmarks shipped in careleavers/insight/data/ (see data/SOURCE.md)."""

from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE = (
    "DfE Local Authority Interactive Tool (dfe-analytical-services/local-authority-interactive-"
    "tool @ 2e30e39, 8 April 2026), from 'Children looked after in England including "
    "adoptions' (SSDA903). Shipped with the service; see careleavers/insight/data/SOURCE.md."
)


def load(apps, schema_editor):
    from careleavers.insight.benchmarks import parse_figures, parse_neighbours

    BenchmarkImport = apps.get_model("insight", "BenchmarkImport")
    BenchmarkFigure = apps.get_model("insight", "BenchmarkFigure")
    StatisticalNeighbour = apps.get_model("insight", "StatisticalNeighbour")

    figures, errors = parse_figures((DATA / "care-leavers-lait.csv").read_bytes())
    if errors:
        raise ValueError(f"The shipped benchmark file is invalid: {errors[:3]}")
    imported = BenchmarkImport.objects.create(
        kind="figures", file_name="care-leavers-lait.csv", source=SOURCE, rows=len(figures)
    )
    BenchmarkFigure.objects.bulk_create(
        [
            BenchmarkFigure(
                imported=imported,
                measure=row.measure,
                year=row.year,
                area=row.area,
                la_number=row.la_number,
                region=row.region,
                published=row.published,
                value=row.value,
            )
            for row in figures
        ],
        batch_size=5000,
    )

    neighbours, errors = parse_neighbours(
        (DATA / "statistical-neighbours-may-2025.csv").read_bytes()
    )
    if errors:
        raise ValueError(f"The shipped neighbours file is invalid: {errors[:3]}")
    imported = BenchmarkImport.objects.create(
        kind="neighbours",
        file_name="statistical-neighbours-may-2025.csv",
        source="DfE Children's Services Statistical Neighbour Benchmarking Tool, May 2025 "
        "(sn_may_2025.xlsx, loaded by LAIT). Shipped with the service.",
        rows=len(neighbours),
    )
    StatisticalNeighbour.objects.bulk_create(
        [
            StatisticalNeighbour(
                imported=imported,
                la_number=row.la_number,
                la_name=row.la_name,
                rank=row.rank,
                neighbour_la_number=row.neighbour_la_number,
                closeness=row.closeness,
            )
            for row in neighbours
        ],
        batch_size=5000,
    )


def unload(apps, schema_editor):
    for name in ("BenchmarkFigure", "StatisticalNeighbour", "BenchmarkImport"):
        apps.get_model("insight", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("insight", "0001_squashed")]

    operations = [migrations.RunPython(load, unload)]
