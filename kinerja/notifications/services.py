"""Sending in-app messages and, where the user has an address, email."""

from django.core.mail import send_mail
from django.db import transaction

from kinerja.core.clock import now
from kinerja.notifications.models import Notification


def notify(*, recipient, title: str, body: str = "", link: str = "", email: bool = False):
    """Store an in-app message; with ``email``, also mail it after the transaction commits.

    ``title`` and ``body`` must already be translated into the recipient's language.
    """
    notification = Notification.objects.create(
        recipient=recipient, title=title, body=body, link=link
    )
    if email and recipient.email:
        transaction.on_commit(
            lambda: send_mail(title, body, None, [recipient.email], fail_silently=True)
        )
    return notification


def notification_mark_read(*, recipient, uuid) -> int:
    return Notification.objects.filter(recipient=recipient, uuid=uuid, read_at__isnull=True).update(
        read_at=now()
    )
