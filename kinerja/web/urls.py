from django.urls import path

from kinerja.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("panduan/", views.guide, name="guide"),
    path("healthz", views.healthz, name="healthz"),
]
