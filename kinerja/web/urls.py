from django.urls import path

from kinerja.web import notifications, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("panduan/", views.guide, name="guide"),
    path("healthz", views.healthz, name="healthz"),
]

# In-app notifications (pemberitahuan).
urlpatterns += [
    path("pemberitahuan/", notifications.notification_list, name="notifications"),
    path(
        "pemberitahuan/<uuid:uuid>/baca/",
        notifications.notification_read,
        name="notification_read",
    ),
    path(
        "pemberitahuan/baca-semua/",
        notifications.notification_read_all,
        name="notifications_read_all",
    ),
]
