"""Evaluation documents: one PDF at a time, and a unit's documents in bulk (a background
job with a progress bar and a zip download). Thin views: permission, one call, render."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja.access.permissions import may
from kinerja.appraisal.models import Evaluation
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Unit
from kinerja.planning.selectors import skp_visible_to
from kinerja.reporting.batches import (
    batches_visible_to,
    document_batch_start,
    zip_file_path,
    zip_filename,
)
from kinerja.reporting.evaluation_document import evaluation_detail, evaluation_filename
from kinerja.reporting.forms_batch import BatchStartForm
from kinerja.reporting.models import BatchStatus, DocumentBatch
from kinerja.reporting.stored_documents import evaluation_document_pdf
from kinerja.reporting.views import _attachment


def evaluations_visible_to(user):
    """Evaluations of the SKPs the user may read; the per-object rule decides the rest
    (``reporting.download_evaluation``: the employee only once it is final)."""
    return Evaluation.objects.filter(skp__in=skp_visible_to(user))


def load_evaluation_for_document(user, uuid) -> Evaluation:
    """The evaluation loaded for printing, or 404 when the user may not have it."""
    try:
        evaluation = evaluation_detail(evaluations_visible_to(user), uuid)
    except Evaluation.DoesNotExist:
        raise Http404 from None
    if not may(user, "reporting.download_evaluation", evaluation):
        raise Http404
    return evaluation


@require_safe
@login_required
def evaluation_pdf_download(request: HttpRequest, uuid) -> HttpResponse:
    """The Evaluasi Kinerja Pegawai and the Dokumen Evaluasi Kinerja Pegawai of one
    evaluation in the official layout."""
    evaluation = load_evaluation_for_document(request.user, uuid)
    return _attachment(
        evaluation_document_pdf(evaluation), "application/pdf", evaluation_filename(evaluation)
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def batch_list(request: HttpRequest) -> HttpResponse:
    """Start a bulk job (POST) and list the user's recent ones."""
    form = BatchStartForm(request.POST or None, user=request.user)
    if not form.fields["unit"].queryset.exists():
        raise Http404
    if request.method == "POST":
        # A unit the user may not print for is refused outright, not shown as a form error.
        unit = Unit.objects.filter(uuid=_uuid_or_none(request.POST.get("unit"))).first()
        if unit is not None and not may(request.user, "reporting.bulk_documents", unit):
            raise Http404
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        try:
            batch = document_batch_start(
                unit=unit,
                period=form.cleaned_data["period"],
                window=form.cleaned_data["the_window"],
                actor=request.user,
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("reporting:batch_detail", uuid=batch.uuid)
    batches = batches_visible_to(request.user).select_related("unit", "window", "period")[:20]
    return render(request, "reporting/batch_list.html", {"form": form, "batches": batches})


def _uuid_or_none(value: str | None) -> UUID | None:
    try:
        return UUID(value) if value else None
    except ValueError:
        return None


def _own_batch(request: HttpRequest, uuid) -> DocumentBatch:
    return get_object_or_404(
        batches_visible_to(request.user).select_related("unit", "window__period", "period"),
        uuid=uuid,
    )


@require_safe
@login_required
def batch_detail(request: HttpRequest, uuid) -> HttpResponse:
    """The progress page; htmx asks for the status fragment every second until done."""
    batch = _own_batch(request, uuid)
    template = "reporting/_batch_status.html" if request.htmx else "reporting/batch_detail.html"
    return render(request, template, {"batch": batch})


@require_safe
@login_required
def batch_download(request: HttpRequest, uuid) -> HttpResponse:
    """The zip, to the user who started the batch, while they may still print for the
    unit."""
    batch = _own_batch(request, uuid)
    if not may(request.user, "reporting.bulk_documents", batch.unit):
        raise Http404
    path = zip_file_path(batch)
    if batch.status != BatchStatus.DONE or not path.exists():
        messages.warning(request, _("The documents are not ready yet."))
        return redirect("reporting:batch_detail", uuid=batch.uuid)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=zip_filename(batch),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
