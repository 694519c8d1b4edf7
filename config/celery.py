"""The one background-job engine: Celery.

The embedded default needs no extra server: its broker is a SQLite file under var/
(kombu's SQLAlchemy transport), and ``make run`` starts one worker beside gunicorn. The
scaled setup points CELERY_BROKER_URL at Redis and runs as many workers as it needs.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
