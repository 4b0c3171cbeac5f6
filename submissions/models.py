"""
Stories members send in. The "Share your story" page holds the public form; a
`StorySubmission` keeps what the sender told us, the consent they gave (its wording and
when) and their photos. Once the sender confirms their e-mail address, the submission
becomes a draft story in the moderation workflow; until then no editor sees it.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import Page

from public_forms.pages import PublicFormPage, consent_statement_field, introduction_field

DEFAULT_CONSENT = _(
    "Everyone who can be recognised in these photos agreed to their publication on this "
    "site, and for anyone under 18 a parent or guardian agreed too."
)


class ShareStoryPage(PublicFormPage, Page):
    """A form where members send a story, which moderators review before anyone reads it."""

    introduction = introduction_field(
        _("What kind of stories the network would like to hear, in a few sentences.")
    )
    consent_statement = consent_statement_field(
        DEFAULT_CONSENT,
        _(
            "What senders confirm about the people in their photos. Each submission keeps "
            "the wording it was sent with."
        ),
    )

    content_panels = [*Page.content_panels, *PublicFormPage.form_panels]

    confirm_salt = "submissions.confirm"
    sent_template = "submissions/sent.html"
    confirm_template = "submissions/confirm.html"
    sent_at = "created_at"
    limits = {
        "address": (
            "STORY_SUBMISSIONS_PER_ADDRESS",
            _(
                "Several stories were sent from your connection in the last hour. Please wait "
                "an hour and send yours again."
            ),
        ),
        "email": (
            "STORY_SUBMISSIONS_PER_EMAIL",
            _(
                "Several stories were sent with this e-mail address today. Please confirm those "
                "first, or send yours again tomorrow."
            ),
        ),
    }

    class Meta:
        verbose_name = _("share-your-story page")

    def serve_form(self, request):
        from .views import story_form

        return story_form(request, self)

    def entries(self):
        return StorySubmission.objects.filter(share_page=self)

    def confirm_entry(self, submission):
        from .views import confirm

        return confirm(submission)


class StorySubmission(models.Model):
    """A story as its sender told it, and who they are."""

    share_page = models.ForeignKey(
        ShareStoryPage, null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, verbose_name=_("Language")
    )
    title = models.CharField(max_length=120, verbose_name=_("Title"))
    summary = models.TextField(max_length=300, verbose_name=_("Summary"))
    text = models.TextField(max_length=10_000, verbose_name=_("The story"))
    place_name = models.CharField(max_length=120, verbose_name=_("Place"))
    country = CountryField(verbose_name=_("Country"))
    date = models.DateField(verbose_name=_("Date"))
    key_areas = models.ManyToManyField(
        "home.KeyAreaPage", blank=True, related_name="+", verbose_name=_("Key areas")
    )
    video_url = models.URLField(blank=True, verbose_name=_("Video link"))

    name = models.CharField(max_length=100, verbose_name=_("Name"))
    organisation = models.CharField(max_length=150, blank=True, verbose_name=_("Organisation"))
    role = models.CharField(max_length=100, blank=True, verbose_name=_("Role"))
    email = models.EmailField(db_index=True, verbose_name=_("E-mail address"))

    consent_statement = models.TextField(verbose_name=_("Consent given"))
    consented_at = models.DateTimeField(verbose_name=_("Consent given at"))

    client = models.CharField(max_length=40, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Sent"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Confirmed"))
    story = models.OneToOneField(
        "stories.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
        verbose_name=_("Story"),
    )
    published_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submitted story")
        verbose_name_plural = _("submitted stories")
        permissions = [("remove_submitted_photo", _("Can remove a photo from a submitted story"))]

    def __str__(self):
        return self.title

    @property
    @admin.display(description=_("Status"))
    def status(self):
        if self.confirmed_at is None:
            return _("Waiting for the sender to confirm")
        if self.story_id is None:
            return _("Story deleted")
        if self.story.live:
            return _("Published")
        return _("Waiting for moderation")


class SubmittedPhoto(models.Model):
    """
    A photo sent with a story, with its location and other metadata already removed. It
    waits as a file until the sender confirms, then joins the image library.
    """

    submission = models.ForeignKey(StorySubmission, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to="submissions/", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    alt_text = models.CharField(max_length=250, verbose_name=_("Alt text"))
    credit = models.CharField(max_length=120, blank=True, verbose_name=_("Credit"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("submitted photo")
