import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from images.uploads import DecodedImageField, check_store_accepts
from public_forms.guards import GuardedForm, consent_field, country_choices

MAX_PHOTOS = 10
# Photos the form shows open; the others wait behind "Add more photos".
OPEN_PHOTOS = 3
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
VIDEO_ADDRESS = re.compile(
    r"^https://(www\.)?(youtube\.com/watch\?v=|youtu\.be/|vimeo\.com/)[\w\-?=&/.]+$"
)


class StoryForm(GuardedForm):
    title = forms.CharField(
        max_length=120,
        label=_("Title of your story"),
        help_text=_("A few words, e.g. “Our school garden feeds the village”."),
    )
    summary = forms.CharField(
        max_length=300,
        label=_("Summary"),
        help_text=_("One or two sentences: what happened, where, and why it matters."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(
        max_length=10_000,
        label=_("Your story"),
        help_text=_("Up to 10,000 characters. Leave an empty line between paragraphs."),
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    place_name = forms.CharField(
        max_length=120,
        label=_("Place"),
        help_text=_("A school, town or city."),
    )
    country = forms.ChoiceField(choices=country_choices, label=_("Country"))
    date = forms.DateField(
        label=_("When it happened"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    key_areas = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Key areas"),
        help_text=_("The parts of the network's work your story belongs to."),
        widget=forms.CheckboxSelectMultiple,
    )
    video_url = forms.URLField(
        assume_scheme="https",
        required=False,
        max_length=200,
        label=_("Video link (optional)"),
        help_text=_("The address of a YouTube or Vimeo video."),
    )
    name = forms.CharField(max_length=100, label=_("Your name"))
    organisation = forms.CharField(
        max_length=150, required=False, label=_("School or organisation (optional)")
    )
    role = forms.CharField(
        max_length=100,
        required=False,
        label=_("Your role (optional)"),
        help_text=_("e.g. teacher, student, parent."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a link to confirm it, and tell you when your story is published. "
            "It is never shown on the site."
        ),
    )
    consent = consent_field(
        _("I confirm the statement above."),
        _(
            "Please confirm that everyone pictured agreed to publication. Without that "
            "we cannot publish the photos."
        ),
    )

    def __init__(self, *args, key_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_areas"].queryset = key_areas

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return date

    def clean_video_url(self):
        address = self.cleaned_data["video_url"]
        if address and not VIDEO_ADDRESS.match(address):
            raise forms.ValidationError(_("Give the address of a YouTube or Vimeo video."))
        return address


class PhotoForm(forms.Form):
    photo = DecodedImageField(
        formats=PHOTO_FORMATS,
        format_message=_("Send photos as JPEG, PNG or WebP files."),
        required=False,
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, up to %(size)s MB.")
        % {"size": settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE // (1024 * 1024)},
    )
    alt_text = forms.CharField(
        max_length=250,
        required=False,
        label=_("What the photo shows"),
        help_text=_("For people who cannot see it, e.g. “Pupils planting beans”."),
    )
    credit = forms.CharField(
        max_length=120,
        required=False,
        label=_("Photographer (optional)"),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photo") and not cleaned_data.get("alt_text"):
            self.add_error("alt_text", _("Say in a few words what the photo shows."))
        return cleaned_data


class BasePhotoFormSet(forms.BaseFormSet):
    def clean(self):
        """Each photo fits in the media store; so must all of them together."""
        sizes = [
            form.cleaned_data["photo"].size for form in self.forms if form.cleaned_data.get("photo")
        ]
        if len(sizes) > 1:
            check_store_accepts(sum(sizes))


PhotoFormSet = forms.formset_factory(
    PhotoForm,
    formset=BasePhotoFormSet,
    extra=MAX_PHOTOS,
    max_num=MAX_PHOTOS,
    absolute_max=MAX_PHOTOS,
    validate_max=True,
)
