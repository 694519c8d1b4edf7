"""Outputs of a unit's survey: the QR poster (PNG, PDF), answer and result exports
(CSV, XLSX) and the PDF report in the customary layout.

The PDF goes through WeasyPrint like every official document, by ``core.pdf`` (not
``reporting.pdf``: ``surveys`` sits below ``reporting`` in the layers).

Exports of answers carry no personal data: no officer, no response id, only the nine
answers, the optional profile, the service and the day.
"""

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.core.pdf import html_to_pdf
from kinerja.core.spreadsheets import csv_lines, xlsx_bytes
from kinerja.regulation.ikm import ELEMENT_CODES, ELEMENTS_2017
from kinerja.surveys.enums import PROFILE_FIELDS
from kinerja.surveys.models import Response, SurveyPeriod, SurveyUnit
from kinerja.surveys.selectors import SurveyResults, survey_results

STYLESHEET = Path(__file__).resolve().parent / "stylesheets" / "survey.css"
PROFILE_NAMES = tuple(name for name, _choices in PROFILE_FIELDS)


# --- QR poster -------------------------------------------------------------------------


def qr_code(url: str):
    import segno  # pure Python; imported where used

    return segno.make(url, error="m")


def qr_svg_data_uri(url: str) -> str:
    return qr_code(url).svg_data_uri(scale=8, border=2)


def poster_png(survey_unit: SurveyUnit, url: str) -> bytes:
    """An A5-proportioned poster: title, unit, QR code and the address in words."""
    from PIL import Image, ImageDraw, ImageFont  # WeasyPrint's dependency

    qr_buffer = io.BytesIO()
    qr_code(url).save(qr_buffer, kind="png", scale=16, border=2)
    qr_buffer.seek(0)
    qr_image = Image.open(qr_buffer).convert("RGB")
    width, height = 1240, 1748
    poster = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(poster)

    def font(size):
        try:
            return ImageFont.load_default(size=size)
        except TypeError:  # very old Pillow without scalable default font
            return ImageFont.load_default()

    def centred(text, y, size, fill="black"):
        typeface = font(size)
        box = draw.textbbox((0, 0), text, font=typeface)
        draw.text(((width - (box[2] - box[0])) / 2, y), text, font=typeface, fill=fill)

    centred(_("Public satisfaction survey"), 90, 64)
    centred(survey_unit.unit.name, 190, 52)
    centred(survey_unit.unit.agency.name, 270, 36, fill="#444444")
    side = min(900, qr_image.width)
    qr_image = qr_image.resize((side, side), Image.NEAREST)
    poster.paste(qr_image, ((width - side) // 2, 360))
    centred(_("Scan the code with your phone camera"), 360 + side + 50, 40)
    centred(url, 360 + side + 120, 30, fill="#1a3d7c")
    centred(_("Anonymous · takes about two minutes"), 360 + side + 190, 30, fill="#444444")
    out = io.BytesIO()
    poster.save(out, format="PNG", optimize=True)
    return out.getvalue()


def poster_pdf(survey_unit: SurveyUnit, url: str) -> bytes:
    html = render_to_string(
        "surveys/poster.html",
        {"survey_unit": survey_unit, "url": url, "qr": qr_svg_data_uri(url)},
    )
    return html_to_pdf(html, stylesheet=STYLESHEET)


def report_pdf(results: SurveyResults, trend) -> bytes:
    html = render_to_string(
        "surveys/report_pdf.html",
        {
            "results": results,
            "trend": trend,
            "language": get_language(),
        },
    )
    return html_to_pdf(html, stylesheet=STYLESHEET)


# --- exports ---------------------------------------------------------------------------


def _answer_headers() -> list[str]:
    language = get_language() or "id"
    return [
        _("Day"),
        *[f"U{n} {e.name(language)}" for n, e in enumerate(ELEMENTS_2017, start=1)],
        *[str(Response._meta.get_field(name).verbose_name) for name, _c in PROFILE_FIELDS],
        _("Service received"),
    ]


def answer_rows(survey_unit: SurveyUnit, period: SurveyPeriod) -> list[list[Any]]:
    """One row per response, without personal data (1 query)."""
    labels = {name: dict(choices.choices) for name, choices in PROFILE_FIELDS}
    rows = []
    for values in (
        Response.objects.filter(survey_unit=survey_unit, period=period)
        .order_by("submitted_on", "id")
        .values_list(
            "submitted_on", *ELEMENT_CODES, *(n for n, _c in PROFILE_FIELDS), "service__name"
        )
    ):
        day, rest = values[0], values[1:]
        answers = list(rest[: len(ELEMENT_CODES)])
        profile = rest[len(ELEMENT_CODES) : len(ELEMENT_CODES) + len(PROFILE_FIELDS)]
        profile_labels = [
            str(labels[name].get(value, "")) if value else ""
            for (name, _c), value in zip(PROFILE_FIELDS, profile, strict=True)
        ]
        rows.append([day, *answers, *profile_labels, rest[-1] or ""])
    return rows


def result_rows(results: SurveyResults) -> list[list[Any]]:
    """Element, answered, NRR, NRR × 25, CI low, CI high; then the index and adequacy."""
    language = get_language() or "id"
    rows: list[list[Any]] = [
        [_("Element"), _("Answered"), _("NRR"), _("NRR × 25"), _("95% CI low"), _("95% CI high")]
    ]
    for number, element in enumerate(results.index.elements, start=1):
        interval = element.interval
        rows.append(
            [
                f"U{number} {element.element.name(language)}",
                element.answered,
                element.nrr_display,
                element.index_display,
                round(interval.low, 4) if interval else "",
                round(interval.high, 4) if interval else "",
            ]
        )
    index = results.index
    rows.append([])
    rows.append(
        [
            _("IKM"),
            index.respondents,
            index.weighted_nrr_display,
            index.index_display,
            round(index.interval.low, 2) if index.interval else "",
            round(index.interval.high, 2) if index.interval else "",
        ]
    )
    rows.append([_("Grade"), index.band.grade if index.band else ""])
    rows.append([_("Required sample"), results.sample.required or ""])
    rows.append([_("Actual sample"), results.sample.actual])
    rows.append([_("Provisional"), _("yes") if results.sample.provisional else _("no")])
    return rows


def _table(fmt: str, title: str, header: list[str] | None, rows: list[list[Any]]) -> bytes:
    """The table as CSV (with a byte-order mark, so Excel reads it as UTF-8) or as an XLSX
    sheet named ``title``, through the project's one writer (``core.spreadsheets``).
    Decimals go into the workbook as the text shown on the page."""
    if fmt == "csv":
        return "".join(csv_lines(header, rows)).encode("utf-8-sig")
    shown = ([str(v) if isinstance(v, Decimal) else v for v in row] for row in rows)
    return xlsx_bytes(title, header, shown)


def answers_export(survey_unit: SurveyUnit, period: SurveyPeriod, fmt: str) -> bytes:
    return _table(fmt, _("Answers"), _answer_headers(), answer_rows(survey_unit, period))


def results_export(survey_unit: SurveyUnit, period: SurveyPeriod, fmt: str) -> bytes:
    return _table(fmt, _("Results"), None, result_rows(survey_results(survey_unit, period)))
