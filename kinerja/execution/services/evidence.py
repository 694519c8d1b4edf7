"""Evidence (bukti dukung) for a realisation: uploaded files and links.

Upload rules: at most ``settings.MAX_UPLOAD_BYTES``; the type is read from the bytes
(``kinerja.execution.filetypes``) and the name's extension must agree with it; the
name the user gave is cleaned and kept only as data; the file is stored under a random
name in MEDIA_ROOT (``evidence_path``), which is never served directly.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.execution import filetypes
from kinerja.execution.enums import EvidenceKind
from kinerja.execution.models import Evidence, PeriodReport
from kinerja.execution.services.realisation import realisation_for, require_open
from kinerja.planning.models import Indicator

MAX_EVIDENCE_PER_INDICATOR = 20
MAX_TITLE = 200
MAX_URL = 500


def _title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) > MAX_TITLE:
        raise ApplicationError(
            _("The description is too long (at most %(n)d characters).") % {"n": MAX_TITLE}
        )
    return title


def _check_room(realisation) -> None:
    if realisation.evidence.count() >= MAX_EVIDENCE_PER_INDICATOR:
        raise ApplicationError(
            _("An indicator takes at most %(n)d pieces of evidence; delete one first.")
            % {"n": MAX_EVIDENCE_PER_INDICATOR}
        )


def _read_upload(upload) -> bytes:
    """The upload's bytes, refusing anything over the limit before reading it all."""
    limit = settings.MAX_UPLOAD_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ApplicationError(_too_big())
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ApplicationError(_too_big())
    if not data:
        raise ApplicationError(_("The file is empty."))
    return data


def max_upload_mb() -> int:
    """The largest evidence file, in MB (``settings.MAX_UPLOAD_BYTES``), to tell users."""
    return settings.MAX_UPLOAD_BYTES // (1024 * 1024)


def _too_big() -> str:
    return _("The file is larger than %(mb)d MB.") % {"mb": max_upload_mb()}


def file_check(*, name: str, data: bytes) -> tuple[filetypes.FileType, str, str]:
    """(kind, clean name, extension) of an acceptable file, or an ApplicationError."""
    shown = filetypes.clean_name(name)
    extension = filetypes.extension_of(shown)
    kind = filetypes.detect(data)
    if kind is None:
        raise ApplicationError(
            _(
                "This file type is not accepted as evidence. Upload a PDF, an image "
                "(PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, "
                "OpenDocument)."
            )
        )
    if extension not in kind.extensions:
        raise ApplicationError(
            _(
                "The file's name ends in “%(extension)s” but its content is a "
                "%(kind)s file; rename it or upload the right file."
            )
            % {
                "extension": extension or _("(no extension)"),
                "kind": "/".join(e.lstrip(".").upper() for e in kind.extensions),
            }
        )
    return kind, shown, extension


@transaction.atomic
def evidence_add_file(
    *, report: PeriodReport, indicator: Indicator, upload, title: str = "", actor=None
) -> Evidence:
    """Attach an uploaded file to one indicator's realisation in the report."""
    report = PeriodReport.objects.select_for_update().select_related("skp").get(pk=report.pk)
    require_open(report)
    data = _read_upload(upload)
    kind, shown, extension = file_check(name=getattr(upload, "name", "") or "", data=data)
    title = _title(title)
    realisation = realisation_for(report=report, indicator=indicator)
    _check_room(realisation)
    evidence = Evidence(
        realisation=realisation,
        kind=EvidenceKind.FILE,
        original_name=shown,
        content_type=filetypes.content_type_for(kind, extension),
        extension=extension,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # The stored name comes from ``evidence_path``: random, with the checked extension.
    evidence.file.save(f"evidence{extension}", ContentFile(data), save=False)
    stored = evidence.file.name
    try:
        evidence.full_clean(exclude=["uploaded_by"])
        evidence.save()
    except Exception:
        evidence.file.storage.delete(stored)
        raise
    # Should the surrounding transaction roll back later, the file stays behind under
    # its random name, unreachable: no row points at it and MEDIA_ROOT is not served.
    log_action(
        actor=actor,
        action="execution.evidence_add",
        obj=evidence,
        subject_employee_id=report.skp.employee_id,
        after={
            "indicator": str(indicator.uuid),
            "file": shown,
            "size": len(data),
            "sha256": evidence.sha256,
        },
    )
    return evidence


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        raise ApplicationError(_("Enter the link."))
    if len(url) > MAX_URL:
        raise ApplicationError(
            _("The link is too long (at most %(n)d characters).") % {"n": MAX_URL}
        )
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ApplicationError(_("Only web links (http or https) are accepted."))
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ApplicationError(_("This is not a valid web address.")) from None
    return url


@transaction.atomic
def evidence_add_link(
    *, report: PeriodReport, indicator: Indicator, url: str, title: str = "", actor=None
) -> Evidence:
    """Attach a link (a shared drive folder, a news item, a dashboard) as evidence."""
    report = PeriodReport.objects.select_for_update().select_related("skp").get(pk=report.pk)
    require_open(report)
    url = _clean_url(url)
    title = _title(title)
    realisation = realisation_for(report=report, indicator=indicator)
    _check_room(realisation)
    evidence = Evidence(
        realisation=realisation,
        kind=EvidenceKind.LINK,
        url=url,
        title=title,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    evidence.full_clean(exclude=["uploaded_by"])
    evidence.save()
    log_action(
        actor=actor,
        action="execution.evidence_add",
        obj=evidence,
        subject_employee_id=report.skp.employee_id,
        after={"indicator": str(indicator.uuid), "url": url},
    )
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor=None) -> None:
    """Remove a piece of evidence; its file goes once the deletion is committed."""
    report = (
        PeriodReport.objects.select_for_update()
        .select_related("skp")
        .get(pk=evidence.realisation.report_id)
    )
    require_open(report)
    before = {
        "kind": evidence.kind,
        "file": evidence.original_name,
        "url": evidence.url,
        "sha256": evidence.sha256,
    }
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage
    log_action(
        actor=actor,
        action="execution.evidence_delete",
        obj=evidence,
        subject_employee_id=report.skp.employee_id,
        before=before,
    )
    evidence.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
