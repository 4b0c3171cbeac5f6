from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .second_factor import confirmed_devices, safe_next


def verify(request):
    """After the password: the code from the person's app, or their passkey."""
    devices = list(confirmed_devices(request.user))
    if not devices:
        return redirect("second_factor_enrol")
    apps = [device for device in devices if isinstance(device, TOTPDevice)]
    form = CodeForm(request.POST or None, devices=apps) if apps else None
    if form and form.is_valid():
        otp_login(request, form.device)
        return redirect(safe_next(request))
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "has_passkey": len(apps) < len(devices),
            "next": safe_next(request),
        },
        status=400 if form and form.is_bound else 200,
    )


def enrol(request):
    """Add an authenticator app: scan the code (or type the key), then confirm with a code."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": _("Authenticator app")}
    )
    form = CodeForm(request.POST or None, devices=[device])
    if form.is_valid():
        # The new app replaces any earlier one.
        TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Your authenticator app is set up."))
        return redirect("wagtailadmin_home")
    return render(
        request,
        "accounts/enrol.html",
        {"form": form, "qr_code": qr_svg(device.config_url), "key": secret_key(device)},
        status=400 if form.is_bound else 200,
    )


def qr_svg(data):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def secret_key(device):
    """The key in the base32 an app accepts typed in, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def locked_out(request, response, credentials):
    """What django-axes answers once an account or an address has failed too often."""
    return render(
        request,
        "accounts/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )
