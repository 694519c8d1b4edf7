"""Official documents rendered once and kept (issue 6 d; issue 4: bulk PDFs).

A final evaluation's and an approved SKP's PDF is rendered the first time anyone asks
for it (the download page, the API, a bulk job) and stored under
``MEDIA_ROOT/stored/<kind>/``; later requests are served the stored file while its
fingerprint still matches. The fingerprint sums up, in ONE query, everything the
document prints: the object's own ``updated_at`` and those of its employee, agency,
position, unit and signatories, and the latest ``updated_at`` and count of the printed
rows (results, indicators, expectations, annex, realisations, evidence, feedback,
organisation results, the appraisal policy). Any change to them (an objection decision,
a corrected realisation, a renamed person) changes the fingerprint, so the next
request renders and replaces the file. Drafts are always rendered fresh (watermarked)
and never stored.

The caller has already checked the permission; this module only chooses between the
stored file and a fresh rendering. Reporting writes only its own rows and files.
"""

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import translation

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.core.clock import now
from kinerja.execution.models import Evidence, FeedbackMessage, Realisation
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import (
    AnnexItem,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    PlannedResult,
    Skp,
)
from kinerja.reporting import evaluation_document, skp_document
from kinerja.reporting.models import DocumentKind, StoredDocument

logger = logging.getLogger(__name__)

STORED_DIR = "stored"
# Raise when a template or stylesheet changes the printed layout: every stored copy
# then renders again on its next request.
LAYOUT_VERSION = "1"
EVALUATION_FIELDS = (
    "updated_at",
    "status",
    "results_rating",
    "behaviour_rating",
    "predicate",
    "notes",
    "rated_at",
    "finalised_at",
    "assessor_id",
    "organisation_result_id",
)
SKP_FIELDS = ("status", "version", "start_date", "end_date", "approved_at", "approved_by_id")


# --- fingerprints ---------------------------------------------------------------------


def _latest(queryset: QuerySet, group: str) -> tuple[Subquery, Subquery]:
    """The newest ``updated_at`` and the row count of ``queryset`` (already filtered on
    an ``OuterRef``), as two scalar subqueries of the outer query."""
    grouped = queryset.order_by().values(group)
    newest = Subquery(grouped.annotate(v=Max("updated_at")).values("v")[:1])
    count = Coalesce(
        Subquery(grouped.annotate(v=Count("pk")).values("v")[:1], output_field=IntegerField()),
        Value(0),
    )
    return newest, count


def _digest(row: dict) -> str:
    text = "|".join(f"{key}={row[key]}" for key in sorted(row))
    text += f"|layout={LAYOUT_VERSION}|language={translation.get_language()}"
    return hashlib.sha256(text.encode()).hexdigest()


def _people(prefix: str) -> list[str]:
    """The ``updated_at`` of the SKP's employee, agency, post, unit and signatories."""
    return [
        f"{prefix}updated_at",
        f"{prefix}employee__updated_at",
        f"{prefix}employee__agency__updated_at",
        f"{prefix}position__updated_at",
        f"{prefix}position__unit__updated_at",
        f"{prefix}approved_by__updated_at",
        f"{prefix}assessor_superior_at_approval__updated_at",
    ]


def _plan_rows(skp_ref: str) -> dict:
    """The printed parts of the plan (results, indicators, links, expectations, annex)."""
    annotations = {}
    for name, queryset, group in [
        ("results", PlannedResult.objects.filter(skp_id=OuterRef(skp_ref)), "skp"),
        ("indicators", Indicator.objects.filter(result__skp_id=OuterRef(skp_ref)), "result__skp"),
        ("links", CascadeLink.objects.filter(result__skp_id=OuterRef(skp_ref)), "result__skp"),
        ("expectations", BehaviourExpectation.objects.filter(skp_id=OuterRef(skp_ref)), "skp"),
        ("annex", AnnexItem.objects.filter(skp_id=OuterRef(skp_ref)), "skp"),
    ]:
        annotations[f"{name}_at"], annotations[f"{name}_n"] = _latest(queryset, group)
    return annotations


def evaluation_fingerprint(evaluation: Evaluation) -> str:
    """What the evaluation's PDF was rendered from, in one query."""
    annotations = _plan_rows("skp_id")
    for name, queryset, group in [
        (
            "realisations",
            Realisation.objects.filter(report__skp_id=OuterRef("skp_id")),
            "report__skp",
        ),
        (
            "evidence",
            Evidence.objects.filter(realisation__report__skp_id=OuterRef("skp_id")),
            "realisation__report__skp",
        ),
        ("feedback", FeedbackMessage.objects.filter(skp_id=OuterRef("skp_id")), "skp"),
        (
            "organisation",
            OrganisationResult.objects.filter(period_id=OuterRef("skp__period_id")),
            "period",
        ),
        (
            "policy",
            AppraisalPolicy.objects.filter(agency_id=OuterRef("skp__employee__agency_id")),
            "agency",
        ),
    ]:
        annotations[f"{name}_at"], annotations[f"{name}_n"] = _latest(queryset, group)
    row = (
        Evaluation.objects.filter(pk=evaluation.pk)
        .annotate(**annotations)
        .values(
            # The printed fields themselves too: a queryset ``update()`` that forgets
            # ``updated_at`` still changes the fingerprint.
            *EVALUATION_FIELDS,
            "assessor__updated_at",
            "organisation_result__updated_at",
            *_people("skp__"),
            *annotations,
        )
        .get()
    )
    return _digest(row)


def skp_fingerprint(skp: Skp) -> str:
    """What the SKP's PDF was rendered from, in one query."""
    annotations = _plan_rows("pk")
    row = (
        Skp.objects.filter(pk=skp.pk)
        .annotate(**annotations)
        .values(*SKP_FIELDS, *_people(""), *annotations)
        .get()
    )
    return _digest(row)


# --- storage ------------------------------------------------------------------------------


def stored_file_path(document: StoredDocument) -> Path:
    return Path(settings.MEDIA_ROOT) / document.path


def _current(kind: str, uuid, fingerprint: str) -> StoredDocument | None:
    """The stored copy in the active language when it still matches ``fingerprint``."""
    document = StoredDocument.objects.filter(
        kind=kind, object_uuid=uuid, language=translation.get_language() or ""
    ).first()
    return document if document is not None and document.fingerprint == fingerprint else None


def _read(kind: str, uuid, fingerprint: str) -> bytes | None:
    document = _current(kind, uuid, fingerprint)
    if document is None:
        return None
    try:
        content = stored_file_path(document).read_bytes()
    except OSError:
        return None  # the file is gone: render it again
    return content if len(content) == document.size else None


def _store(kind: str, uuid, fingerprint: str, content: bytes) -> None:
    """Write the file (atomically: a reader sees the old file or the new one), then
    record it; the replaced file is removed. A failure to store is logged, never shown:
    the requester already has the rendered document."""
    language = translation.get_language() or ""
    relative = f"{STORED_DIR}/{kind}/{uuid}-{language}-{fingerprint[:16]}.pdf"
    target = Path(settings.MEDIA_ROOT) / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, target)
        values = {
            "fingerprint": fingerprint,
            "path": relative,
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "rendered_at": now(),
        }
        key = {"kind": kind, "object_uuid": uuid, "language": language}
        old = StoredDocument.objects.filter(**key).values_list("path", flat=True).first()
        try:
            with transaction.atomic():
                StoredDocument.objects.update_or_create(**key, defaults=values)
        except IntegrityError:  # another process stored it at the same moment
            StoredDocument.objects.filter(**key).update(**values)
        if old and old != relative:
            (Path(settings.MEDIA_ROOT) / old).unlink(missing_ok=True)
    except OSError:
        logger.exception("Could not store the %s document %s", kind, uuid)


def _kept(kind: str, uuid, fingerprint: str, render: Callable[[], bytes]) -> bytes:
    content = _read(kind, uuid, fingerprint)
    if content is None:
        content = render()
        _store(kind, uuid, fingerprint, content)
    return content


def evaluation_document_pdf(evaluation: Evaluation) -> bytes:
    """The evaluation's PDF: the stored copy of a final evaluation (rendered and stored
    the first time), a fresh rendering of a draft. Pass one loaded with
    ``evaluation_detail``; the caller has checked the permission."""
    if evaluation.status != EvaluationStatus.FINAL:
        return evaluation_document.evaluation_pdf(evaluation)
    return _kept(
        DocumentKind.EVALUATION,
        evaluation.uuid,
        evaluation_fingerprint(evaluation),
        lambda: evaluation_document.evaluation_pdf(evaluation),
    )


def skp_document_pdf(skp: Skp) -> bytes:
    """The SKP's PDF: the stored copy of an approved SKP, a fresh rendering otherwise
    (a draft or a superseded plan carries its watermark). Pass one loaded with
    ``planning.selectors.skp_detail``; the caller has checked the permission."""
    if skp.status != SkpStatus.APPROVED:
        return skp_document.skp_pdf(skp)
    return _kept(
        DocumentKind.SKP, skp.uuid, skp_fingerprint(skp), lambda: skp_document.skp_pdf(skp)
    )


# --- ahead of time ----------------------------------------------------------------------

# Evaluations per background task: a few seconds of rendering each. A larger set (a
# year-end finalisation) is worked off one chunk per task, each task queueing the next
# behind whatever else was queued meanwhile, so imports and bulk jobs are not held up
# for hours behind a whole agency's documents.
PRERENDER_CHUNK = 50


def _intact(document: StoredDocument) -> bool:
    """Whether the stored file is there, whole (without reading it)."""
    try:
        return stored_file_path(document).stat().st_size == document.size
    except OSError:
        return False


def evaluation_documents_store(evaluation_ids: list[int]) -> int:
    """Render and store the documents of those of ``evaluation_ids`` that are final and
    have no current stored copy, in the site's language (``LANGUAGE_CODE``, the one bulk
    jobs print in). Returns how many were rendered."""
    rendered = 0
    with translation.override(settings.LANGUAGE_CODE):
        for pk in evaluation_ids:
            try:
                evaluation = evaluation_document.evaluation_detail(
                    Evaluation.objects.filter(status=EvaluationStatus.FINAL), pk=pk
                )
            except Evaluation.DoesNotExist:
                continue  # deleted, or reopened as a draft since
            fingerprint = evaluation_fingerprint(evaluation)
            document = _current(DocumentKind.EVALUATION, evaluation.uuid, fingerprint)
            if document is not None and _intact(document):
                continue
            content = evaluation_document.evaluation_pdf(evaluation)
            _store(DocumentKind.EVALUATION, evaluation.uuid, fingerprint, content)
            rendered += 1
    return rendered


def prerender_backlog(period_id: int) -> bool:
    """Render and store the next chunk of the period's final evaluations that have no
    stored document yet. True when a full chunk was taken, so more may remain."""
    stored = StoredDocument.objects.filter(
        kind=DocumentKind.EVALUATION, object_uuid=OuterRef("uuid")
    )
    pending = list(
        Evaluation.objects.filter(status=EvaluationStatus.FINAL, skp__period_id=period_id)
        .exclude(Exists(stored))
        .order_by("pk")
        .values_list("pk", flat=True)[:PRERENDER_CHUNK]
    )
    evaluation_documents_store(pending)
    return len(pending) == PRERENDER_CHUNK


def prerender_final_documents(
    sender: type, evaluations: QuerySet[Evaluation], **kwargs: object
) -> None:
    """Receiver of ``appraisal.signals.evaluations_finalised``: queue the rendering of
    the documents, so the first download and the unit's bulk job are served from
    storage. Off with ``PRERENDER_FINAL_DOCUMENTS = False`` (rendered on first request).
    A few evaluations go in one task by id (a changed result is re-rendered); more go
    to each period's backlog, one chunk per task."""
    if not settings.PRERENDER_FINAL_DOCUMENTS:
        return
    from kinerja.reporting.tasks import (
        evaluation_documents_backlog_task,
        evaluation_documents_store_task,
    )

    final = evaluations.filter(status=EvaluationStatus.FINAL)
    ids = list(final.order_by("pk").values_list("pk", flat=True)[: PRERENDER_CHUNK + 1])
    if len(ids) <= PRERENDER_CHUNK:
        if ids:
            evaluation_documents_store_task.delay(ids)
        return
    for period_id in final.order_by().values_list("skp__period_id", flat=True).distinct():
        evaluation_documents_backlog_task.delay(period_id)
