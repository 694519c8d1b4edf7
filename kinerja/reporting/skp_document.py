"""The SKP as the official printed form (PermenPAN-RB 6/2022; domain.md §1.3).

JA/JF plans print the quantitative form's columns (superior's result intervened in,
result, aspect, indicator, target); JPT plans print result, indicator, target and
perspective. Then the BerAKHLAK behaviour with the leader's expectations, the signature
blocks and the annex (Lampiran SKP).
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.org.enums import PositionKind
from kinerja.planning.enums import AnnexKind, ResultKind, SkpStatus
from kinerja.planning.models import CascadeLink, Indicator, PlannedResult, Skp
from kinerja.regulation.berakhlak import BERAKHLAK_2021, CoreValue
from kinerja.reporting.pdf import html_to_pdf
from kinerja.reporting.selectors import skp_parties


@dataclass
class ResultRow:
    number: int
    result: PlannedResult
    supports: list[str]
    indicators: list[Indicator]

    @property
    def lines(self) -> list[Indicator | None]:
        """One table row per indicator; a result without one still gets its row."""
        return list(self.indicators) or [None]

    @property
    def span(self) -> int:
        return len(self.lines)


@dataclass
class ResultGroup:
    label: str
    rows: list[ResultRow] = field(default_factory=list)


@dataclass(frozen=True)
class BehaviourRow:
    number: int
    value: CoreValue
    expectation: str


def _supports(link: CascadeLink) -> str:
    if link.supports_result is not None:
        return link.supports_result.text
    goal = str(link.supports_goal)
    if link.supports_indicator is not None:
        return f"{goal} ({link.supports_indicator.text})"
    return goal


def result_groups(skp: Skp) -> list[ResultGroup]:
    """A. UTAMA then B. TAMBAHAN, numbered within each group as on the form."""
    groups = {
        ResultKind.MAIN: ResultGroup(_("A. MAIN")),
        ResultKind.ADDITIONAL: ResultGroup(_("B. ADDITIONAL")),
    }
    for result in sorted(skp.results.all(), key=lambda r: (r.order, r.pk)):
        group = groups[result.kind]
        group.rows.append(
            ResultRow(
                number=len(group.rows) + 1,
                result=result,
                supports=[_supports(link) for link in result.links.all()],
                indicators=sorted(result.indicators.all(), key=lambda i: (i.order, i.pk)),
            )
        )
    return list(groups.values())


def behaviour_rows(skp: Skp) -> list[BehaviourRow]:
    """The seven values in the order of SE MenPAN-RB 20/2021."""
    expectations = {e.core_value: e.text for e in skp.expectations.all()}
    return [
        BehaviourRow(number=n, value=value, expectation=expectations.get(value.code, ""))
        for n, value in enumerate(BERAKHLAK_2021, start=1)
    ]


def annex_lists(skp: Skp) -> list[tuple[str, list[str]]]:
    items = sorted(skp.annex_items.all(), key=lambda a: (a.order, a.pk))
    return [
        (label, [item.text for item in items if item.kind == kind])
        for kind, label in AnnexKind.choices
    ]


def _watermark(skp: Skp) -> str:
    """Across every page of a plan that is not (or no longer) the one in force."""
    if skp.status == SkpStatus.APPROVED:
        return ""
    if skp.status == SkpStatus.SUPERSEDED:
        return _("SUPERSEDED")
    return _("DRAFT")


def skp_context(skp: Skp) -> dict:
    parties = skp_parties(skp)
    return {
        "skp": skp,
        "agency": skp.employee.agency,
        # JPT plans print the senior executive form (domain.md §1.10).
        "senior": skp.position.kind in PositionKind.jpt(),
        "parties": parties,
        "groups": result_groups(skp),
        "behaviours": behaviour_rows(skp),
        "annex": annex_lists(skp),
        "watermark": _watermark(skp),
        "signed_on": timezone.localdate(skp.approved_at) if skp.approved_at else today(),
    }


def skp_pdf(skp: Skp) -> bytes:
    """The PDF of one SKP. Pass an SKP loaded with ``planning.selectors.skp_detail`` so
    the document costs a fixed number of queries."""
    html = render_to_string("reporting/skp_pdf.html", skp_context(skp))
    return html_to_pdf(html, stylesheet="skp.css")
