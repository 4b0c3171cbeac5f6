from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = list(devices)
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        # After each wrong code django-otp makes the next try wait longer (1 s, 2 s, 4 s…).
        if not any(device.verify_is_allowed()[0] for device in self.devices):
            raise forms.ValidationError(
                _("Too many wrong codes in a row. Wait a little, then enter the code again.")
            )
        self.device = next((d for d in self.devices if d.verify_token(code)), None)
        if self.device is None:
            raise forms.ValidationError(
                _("That code is not right, or has expired. Enter the code your app shows now.")
            )
        return code
