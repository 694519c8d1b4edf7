"""Import pages for HR admins: upload, dry-run preview or error report, confirmation,
progress and result; plus the downloadable templates."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.access.permissions import agencies_visible_to, may
from kinerja.core.exceptions import ApplicationError
from kinerja.org.importing import COLUMNS, RecordKind, RowError, Source, looks_like
from kinerja.org.importing.blank import template_csv, template_xlsx
from kinerja.org.importing.jobs import import_job_cancel, import_job_confirm, import_job_create
from kinerja.org.models import Agency, ImportJob

MAX_FILES = 5
TEMPLATES = {
    "unor.csv": (RecordKind.UNITS, "text/csv"),
    "jabatan.csv": (RecordKind.POSITIONS, "text/csv"),
    "pegawai.csv": (RecordKind.EMPLOYEES, "text/csv"),
    "kinerja-impor.xlsx": (
        None,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        """Each uploaded file, cleaned like a single file (Django's documented recipe)."""
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Agency"), queryset=Agency.objects.none())
    files = MultipleFileField(
        label=gettext_lazy("Files"),
        help_text=gettext_lazy(
            "One XLSX workbook with the sheets UNOR, JABATAN and PEGAWAI, or one CSV or XLSX "
            "file per kind. Nothing is written before you confirm the preview."
        ),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
            self.fields["agency"].widget = forms.HiddenInput()

    def clean_files(self) -> list[tuple[str, bytes]]:
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                _("Upload at most %(count)s files at once.") % {"count": MAX_FILES}
            )
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        files = []
        for upload in uploads:
            if upload.size > limit:
                raise forms.ValidationError(
                    _("%(name)s is larger than %(limit)s MB.")
                    % {"name": upload.name, "limit": limit // (1024 * 1024)}
                )
            data = upload.read()
            kind = looks_like(Source(upload.name, data))
            if kind is None:
                raise forms.ValidationError(
                    _("%(name)s is neither a CSV file nor an XLSX workbook.")
                    % {"name": upload.name}
                )
            if kind == "csv":
                try:
                    data.decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise forms.ValidationError(
                        _("%(name)s is not UTF-8 text. In Excel, save it as “CSV UTF-8”.")
                        % {"name": upload.name}
                    ) from None
            files.append((upload.name, data))
        return files


def _import_agencies(user):
    ids = [a.pk for a in agencies_visible_to(user) if may(user, "org.import_data", a)]
    return Agency.objects.filter(pk__in=ids)


def _job_for(request: HttpRequest, uuid) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.select_related("agency"), uuid=uuid)
    if not may(request.user, "org.import_data", job.agency):
        raise Http404
    return job


@login_required
def import_start(request: HttpRequest) -> HttpResponse:
    agencies = _import_agencies(request.user)
    if not agencies:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            agency=form.cleaned_data["agency"], files=form.cleaned_data["files"], actor=request.user
        )
        return redirect("org:import_job", uuid=job.uuid)
    return render(
        request,
        "org/import_start.html",
        {
            "form": form,
            "jobs": ImportJob.objects.filter(agency__in=agencies).select_related("agency")[:10],
            "kinds": [(RecordKind.LABELS[k], COLUMNS[k]) for k in RecordKind.ORDER],
            "max_mb": settings.IMPORT_MAX_UPLOAD_BYTES // (1024 * 1024),
        },
    )


def _job_context(job: ImportJob) -> dict:
    counts = job.counts or {}
    return {
        "job": job,
        "errors": [RowError.from_dict(error) for error in job.errors],
        "more_errors": job.error_count - len(job.errors),
        "kinds": [
            (RecordKind.LABELS[k], counts.get(k), (job.samples or {}).get(k, []))
            for k in RecordKind.ORDER
        ],
        "assignments": counts.get("assignments"),
        "logins": counts.get("logins"),
    }


@login_required
def import_job(request: HttpRequest, uuid) -> HttpResponse:
    """The job's page; htmx polls it for the status panel while the job runs."""
    job = _job_for(request, uuid)
    template = "org/import_status.html" if request.htmx else "org/import_job.html"
    return render(request, template, _job_context(job))


@login_required
@require_POST
def import_confirm(request: HttpRequest, uuid) -> HttpResponse:
    job = _job_for(request, uuid)
    try:
        import_job_confirm(job=job, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("org:import_job", uuid=job.uuid)


@login_required
@require_POST
def import_cancel(request: HttpRequest, uuid) -> HttpResponse:
    job = _job_for(request, uuid)
    try:
        import_job_cancel(job=job, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("org:import_job", uuid=job.uuid)
    messages.info(request, _("The import was cancelled; nothing was written."))
    return redirect("org:import")


@login_required
def import_template(request: HttpRequest, name: str) -> HttpResponse:
    if name not in TEMPLATES:
        raise Http404
    if not _import_agencies(request.user):
        raise PermissionDenied
    kind, content_type = TEMPLATES[name]
    body = template_xlsx() if kind is None else template_csv(kind)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
