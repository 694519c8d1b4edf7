"""Schemas of the realisation endpoints: period reports, realisations per indicator with
their window target and achievement, and evidence (domain.md §1.6)."""

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import EmployeeRefOut
from kinerja.api.v1.schemas.planning import LINE_PATTERN, TEXT_PATTERN, IndicatorOut
from kinerja.execution.enums import EvidenceKind, ReportStatus
from kinerja.execution.services.evidence import MAX_TITLE, MAX_URL
from kinerja.execution.services.realisation import MAX_NARRATIVE


class WindowRefOut(Schema):
    """A reporting window (triwulan or month) and the date its report is due."""

    uuid: UUID
    number: int
    label: str
    start_date: datetime.date
    end_date: datetime.date
    report_deadline: datetime.date


class ReportWindowOut(Schema):
    """One window of one of your approved SKPs, with its report once started."""

    skp: UUID
    window: WindowRefOut
    report: UUID | None = Field(description="The report, once started.")
    status: str = Field(
        description="not_open (the window has not started), not_started, draft or submitted."
    )
    realisations: int = Field(description="Indicators with a realisation row.")
    indicators: int
    evidence: int
    overdue: bool

    @staticmethod
    def resolve_skp(obj) -> UUID:
        return obj.skp.uuid

    @staticmethod
    def resolve_report(obj) -> UUID | None:
        return obj.report.uuid if obj.report else None

    @staticmethod
    def resolve_realisations(obj) -> int:
        return obj.filled

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue


class EvidenceOut(Schema):
    """Supporting evidence (bukti dukung): a file (download it from ``download``) or a link."""

    uuid: UUID
    kind: EvidenceKind
    title: str
    url: str = Field(description="The link, for a link.")
    file_name: str = Field(description="The uploaded file's (cleaned) name, for a file.")
    content_type: str
    size_bytes: int
    sha256: str
    download: str | None = Field(description="Where the file is downloaded from.")
    created_at: datetime.datetime

    @staticmethod
    def resolve_file_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_download(obj) -> str | None:
        return f"/api/v1/evidence/{obj.uuid}/file" if obj.kind == EvidenceKind.FILE else None


class RowOut(Schema):
    """One indicator in the report's window: its realisation, the target by the end of
    the window (cumulative counts are pro-rated) and the achievement in per cent."""

    result: str
    indicator: IndicatorOut
    value: Decimal | None
    narrative: str
    window_target: Decimal | None
    achievement: Decimal | None = Field(description="Per cent of the window target, capped.")
    lower_is_better: bool
    why: str = Field(description="How the achievement was computed, in plain words.")
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_result(obj) -> str:
        return obj.result.text


class ReportOut(Schema):
    """An employee's report on one SKP for one reporting window."""

    uuid: UUID
    skp: UUID
    employee: EmployeeRefOut
    window: WindowRefOut
    status: ReportStatus
    submitted_at: datetime.datetime | None
    note: str

    @staticmethod
    def resolve_skp(obj) -> UUID:
        return obj.skp.uuid

    @staticmethod
    def resolve_employee(obj):
        return obj.skp.employee


class ReportDetailOut(ReportOut):
    rows: list[RowOut]


class ReportStartIn(Schema):
    skp: UUID = Field(description="Your approved SKP.")
    window: UUID = Field(description="A reporting window of the SKP's period that has begun.")


class RealisationIn(Schema):
    value: Decimal | None = Field(
        None,
        ge=0,
        max_digits=14,
        decimal_places=2,
        description="The number reached by the end of the window (quantitative indicators).",
    )
    narrative: str = Field(
        "",
        max_length=MAX_NARRATIVE,
        pattern=TEXT_PATTERN,
        description="What was achieved, in words.",
    )


class SubmitIn(Schema):
    note: str = Field("", max_length=MAX_NARRATIVE, pattern=TEXT_PATTERN)


class ReopenIn(Schema):
    reason: str = Field(..., min_length=1, max_length=MAX_NARRATIVE, pattern=TEXT_PATTERN)


class LinkIn(Schema):
    url: str = Field(
        ...,
        min_length=1,
        max_length=MAX_URL,
        pattern=LINE_PATTERN,
        description="An http(s) link.",
    )
    title: str = Field("", max_length=MAX_TITLE, pattern=LINE_PATTERN)
