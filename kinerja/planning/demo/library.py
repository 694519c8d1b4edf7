"""The national indicator library of the demo: one suggestion (RHK with one IKI) for each
result the demo pools mark, so what employees pick in the library is what the demo
SKPs are made of."""

from kinerja.core.services import log_action
from kinerja.planning.demo.results import POOLS, render
from kinerja.planning.models import IndicatorTemplate

GENERIC_UNIT = "unit kerja"


def library_templates() -> list[IndicatorTemplate]:
    """The national templates (``agency`` None), unsaved, in the order of the pools."""
    templates = []
    for pool in POOLS.values():
        for result in pool.results:
            if result.library is None:
                continue
            measure = result.measures[result.library]
            templates.append(
                IndicatorTemplate(
                    agency=None,
                    field=pool.field,
                    position_kind=pool.position_kind,
                    result_text=render(result.text, GENERIC_UNIT),
                    indicator_text=render(measure.text, GENERIC_UNIT),
                    aspect=measure.aspect,
                    target_unit=measure.unit,
                    suggested_target=measure.typical(),
                )
            )
    return templates


def library_seed(*, actor=None) -> int:
    """Add the national templates that are not there yet; returns how many were added.
    A second demo agency, or a second run, adds nothing."""
    existing = set(
        IndicatorTemplate.objects.filter(agency__isnull=True).values_list(
            "field", "result_text", "indicator_text"
        )
    )
    new = [
        t for t in library_templates() if (t.field, t.result_text, t.indicator_text) not in existing
    ]
    IndicatorTemplate.objects.bulk_create(new)
    if new:
        log_action(
            actor=actor,
            action="planning.library_seed",
            after={"templates": len(new)},
        )
    return len(new)
