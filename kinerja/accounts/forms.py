from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Log in with the NIP (civil servants) or a username (other accounts)."""

    username = forms.CharField(
        label=_("NIP or username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    error_messages = {
        "invalid_login": _(
            "The NIP/username or password is wrong. After %(limit)s failed attempts the "
            "account is locked for a while."
        ),
        "inactive": _("This account is inactive. Contact your HR admin (pengelola kinerja)."),
    }

    def get_invalid_login_error(self):
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"limit": settings.AXES_FAILURE_LIMIT},
        )


class ApiTokenCreateForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also reaches accounts created by import without a password, so a new employee
    can set their first password through the email on record."""

    def get_users(self, email):
        User = get_user_model()
        return User._default_manager.filter(email__iexact=email, is_active=True)
