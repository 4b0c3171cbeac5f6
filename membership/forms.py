from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from public_forms.guards import GuardedForm, consent_field, country_choices

WANTS = [
    ("join", _("Join the network")),
    ("news", _("Receive the network's news")),
]


class JoinForm(GuardedForm):
    name = forms.CharField(max_length=100, label=_("Your name"))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm it. It is never shown on the site."),
    )
    organisation = forms.CharField(
        max_length=150,
        required=False,
        label=_("School or organisation (optional)"),
        help_text=_("If you ask on behalf of one."),
    )
    country = forms.ChoiceField(choices=country_choices, label=_("Country"))
    wants = forms.MultipleChoiceField(
        choices=WANTS,
        label=_("I would like to"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one.")},
    )
    interests = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Interests (optional)"),
        help_text=_("The parts of the network's work you care most about."),
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_language = forms.ChoiceField(
        choices=settings.LANGUAGES, label=_("Preferred language for our e-mails")
    )
    consent = consent_field(
        _("I agree to the statement above."),
        _("Please agree, so that we may keep your details."),
    )

    def __init__(self, *args, interests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = interests
        self.initial.setdefault("preferred_language", get_language())

    def submission_data(self, consent_statement):
        """What a Wagtail form submission keeps, in words a spreadsheet can hold."""
        data = self.cleaned_data
        wanted = dict(WANTS)
        return {
            "name": data["name"],
            "email": data["email"],
            "organisation": data["organisation"],
            "country": data["country"],
            "wants": ", ".join(str(wanted[choice]) for choice in data["wants"]),
            "interests": ", ".join(area.title for area in data["interests"]),
            "preferred_language": data["preferred_language"],
            "consent": consent_statement,
        }
