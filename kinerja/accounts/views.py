"""Login, logout, password flows and personal API tokens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.accounts.forms import ApiTokenCreateForm, LoginForm, PasswordResetForm
from kinerja.accounts.models import ApiToken
from kinerja.accounts.services import api_token_create, api_token_revoke


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def lockout(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """Shown by django-axes instead of the login result once the limit is reached."""
    form = LoginForm(request, data=request.POST or None)
    minutes = int(settings.AXES_COOLOFF_TIME * 60)
    lock_message = _(
        "Too many failed login attempts. The account is locked for %(minutes)s minutes; "
        "try again later or ask your HR admin to unlock it."
    ) % {"minutes": minutes}
    return render(
        request,
        "accounts/login.html",
        {"form": form, "lockout_message": lock_message},
        status=403,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        messages.success(self.request, _("Your new password is set. Please log in."))
        return super().form_valid(form)


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    """List, create and revoke the user's own API tokens."""
    raw_token = None
    form = ApiTokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, raw_token = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenCreateForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "raw_token": raw_token},
    )


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, uuid) -> HttpResponse:
    token = get_object_or_404(ApiToken, uuid=uuid, user=request.user)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token has been revoked."))
    return redirect("accounts:api_tokens")
