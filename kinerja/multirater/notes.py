"""What the rater proposal says about a person rated, as stored codes made readable."""

from django.utils.translation import gettext as _

from kinerja.regulation.multirater import MIN_GROUP


def note_texts(notes: list[dict]) -> list[str]:
    """Each stored note (``{"code": …, params}``) in the reader's language."""
    texts = []
    for note in notes or []:
        code = note.get("code")
        if code == "peers_widened":
            texts.append(
                _(
                    "Fewer than three peers of the same kind and level work in %(unit)s, so "
                    "peers were also proposed from %(parent)s."
                )
                % {"unit": note.get("unit", ""), "parent": note.get("parent", "")}
            )
        elif code == "peers_too_few":
            texts.append(
                _(
                    "Only %(count)d peers could be proposed; peer answers stay hidden unless "
                    "at least %(min)d answer. Add raters if you can."
                )
                % {"count": note.get("count", 0), "min": MIN_GROUP}
            )
        elif code == "no_assessor":
            texts.append(
                _("No assessor holds a post on the org chart date (%(assessor)s assesses).")
                % {"assessor": note.get("assessor") or "—"}
            )
    return texts
