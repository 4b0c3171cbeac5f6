from django import forms

from .models import TranslationEmails


class TranslationEmailsForm(forms.ModelForm):
    class Meta:
        model = TranslationEmails
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
