"""
A second factor for staff: a time-based code from an authenticator app (TOTP, through
django-otp) or a passkey (django-otp-webauthn). Whoever has one must use it after the
password before the admin opens; with SECOND_FACTOR_REQUIRED on, administrators and
moderators must set one up first.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, user_has_device


def must_enrol(user):
    if not settings.SECOND_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.SECOND_FACTOR_GROUPS).exists()


def confirmed_devices(user):
    return devices_for_user(user, confirmed=True)


def safe_next(request, default="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


class SecondFactorMiddleware:
    """Keep a signed-in person who owes a second factor on the page that asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(settings.ADMIN_PATH)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            # Whoever has an app must give its code first (even to set up another one).
            if user_has_device(user, confirmed=True):
                if request.path not in open_paths("second_factor_verify"):
                    return redirect(f"{reverse('second_factor_verify')}?next={request.path}")
            elif must_enrol(user) and request.path not in open_paths("second_factor_enrol"):
                return redirect(reverse("second_factor_enrol"))
        return self.get_response(request)


def open_paths(page):
    """The page that asks for the second factor, and what any admin page loads with it."""
    names = [page, "wagtailadmin_logout", "wagtailadmin_sprite", "wagtailadmin_javascript_catalog"]
    return {reverse(name) for name in names}
