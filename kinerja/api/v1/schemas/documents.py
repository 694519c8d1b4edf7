"""Schemas of the document endpoints: bulk evaluation document jobs and the compliance
lists (who has not reported, who has not assessed)."""

import datetime
from uuid import UUID

from ninja import Field, Schema


class BatchStartIn(Schema):
    unit: UUID = Field(description="The unit: its documents and those of the units below it.")
    window: UUID | None = Field(
        None, description="The reporting window; leave empty for the annual documents."
    )
    period: UUID | None = Field(
        None, description="The assessment period (required for the annual documents)."
    )


class BatchOut(Schema):
    uuid: UUID
    unit: UUID = Field(alias="unit.uuid")
    unit_name: str = Field(alias="unit.name")
    period: UUID = Field(alias="period.uuid")
    window: UUID | None = Field(None, description="Empty for the annual documents.")
    status: str = Field(description="queued, running, done or failed.")
    total: int
    done: int
    percent: int
    error: str
    zip_bytes: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    download: str | None = Field(None, description="Where to download the zip once done.")

    @staticmethod
    def resolve_window(batch) -> UUID | None:
        return batch.window.uuid if batch.window_id else None

    @staticmethod
    def resolve_download(batch) -> str | None:
        if batch.status != "done":
            return None
        return f"/api/v1/document-batches/{batch.uuid}/zip"


class ComplianceFilter(Schema):
    window: UUID = Field(description="The reporting window.")
    unit: UUID | None = Field(None, description="Only this unit and the units below it.")


class PersonOut(Schema):
    uuid: UUID
    nip: str
    name: str


class NotReportedOut(Schema):
    """An approved SKP in force during the window without a submitted report."""

    skp: UUID
    employee: PersonOut
    position: str
    unit: str
    report_status: str | None = Field(description="draft, or empty when not started.")


class NotAssessedOut(Schema):
    """A submitted report whose evaluation for the window is not final."""

    report: UUID
    employee: PersonOut
    unit: str
    submitted_at: datetime.datetime | None
    evaluation_status: str | None = Field(description="draft, or empty when not started.")
    assessor: PersonOut | None
