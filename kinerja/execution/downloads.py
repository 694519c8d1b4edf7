"""Sending a stored evidence file back to someone who may read it (the report page and
the API share this; both check the permission first).

Pictures are shown inline; everything else downloads. The stored content type is the
one detected at upload, ``nosniff`` stops the browser from guessing another, and the
sandboxing CSP keeps an uploaded file from running anything on our origin.
"""

from django.http import FileResponse, Http404

from kinerja.execution.models import Evidence


def evidence_file_response(evidence: Evidence) -> FileResponse:
    """The evidence's file as a response, or 404 when it is a link or the file is gone."""
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    inline = evidence.content_type.startswith("image/")
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=evidence.original_name or f"bukti{evidence.extension}",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
