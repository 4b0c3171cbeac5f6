"""
The public side of "Share your story": the form, the page that asks the sender to check
their e-mail, and the confirmation that turns the submission into a draft story. Each
answer is for one reader and never cached.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from images.uploads import without_metadata
from public_forms.guards import client_key, for_one_reader

from . import drafting, emails
from .forms import MAX_PHOTOS, OPEN_PHOTOS, PhotoFormSet, StoryForm
from .models import StorySubmission, SubmittedPhoto


def key_areas_of(page):
    model = StorySubmission._meta.get_field("key_areas").related_model
    return model.objects.live().filter(locale_id=page.locale_id).order_by("path")


def story_form(request, page):
    status = 200
    accepting = drafting.stories_index(page.locale_id) is not None
    if request.method == "POST" and accepting:
        form = StoryForm(request.POST, key_areas=key_areas_of(page))
        photos = PhotoFormSet(request.POST, request.FILES, prefix="photos")
        if form.is_valid() and photos.is_valid():
            refusal = page.refusal(request, form.cleaned_data["email"])
            if refusal is None:
                submission = save_submission(request, page, form, photos)
                confirm_link = page.link("confirm", submission, page.confirm_salt)
                emails.send_confirmation_request(submission, confirm_link)
                return redirect(page.sent_url())
            form.add_error(None, refusal)
            status = 429
    else:
        form = StoryForm(key_areas=key_areas_of(page))
        photos = PhotoFormSet(prefix="photos")
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "photos": photos,
            "open_photos": photos.forms[:OPEN_PHOTOS],
            "more_photos": photos.forms[OPEN_PHOTOS:],
            "open_count": OPEN_PHOTOS,
            "max_photos": MAX_PHOTOS,
            "more_open": any(photo.errors for photo in photos.forms[OPEN_PHOTOS:]),
            "photo_errors": photo_errors(photos),
            "accepting": accepting,
        },
    )
    return for_one_reader(response, status)


def photo_errors(photos):
    """The photos' errors for the summary at the top of the form: "Photo 2: …"."""
    if not photos.is_bound:
        return []
    found = [str(error) for error in photos.non_form_errors()]
    for number, photo in enumerate(photos.forms, start=1):
        for error in photo.non_field_errors():
            found.append(_("Photo %(number)s: %(error)s") % {"number": number, "error": error})
        for field in photo:
            for error in field.errors:
                found.append(
                    _("Photo %(number)s, %(field)s: %(error)s")
                    % {"number": number, "field": field.label, "error": error}
                )
    return found


@transaction.atomic
def save_submission(request, page, form, photos):
    data = form.cleaned_data
    submission = StorySubmission.objects.create(
        share_page=page,
        language=page.locale.language_code,
        title=data["title"],
        summary=data["summary"],
        text=data["text"],
        place_name=data["place_name"],
        country=data["country"],
        date=data["date"],
        video_url=data["video_url"],
        name=data["name"],
        organisation=data["organisation"],
        role=data["role"],
        email=data["email"],
        consent_statement=page.consent_statement,
        consented_at=timezone.now(),
        client=client_key(request),
    )
    submission.key_areas.set(data["key_areas"])
    sent = [photo.cleaned_data for photo in photos.forms if photo.cleaned_data.get("photo")]
    for order, photo in enumerate(sent):
        SubmittedPhoto.objects.create(
            submission=submission,
            file=without_metadata(photo["photo"]),
            alt_text=photo["alt_text"],
            credit=photo["credit"],
            sort_order=order,
        )
    return submission


def confirm(submission):
    """The sender confirmed: the story goes to the moderators as a draft."""
    submission = drafting.draft_story(submission)
    emails.send_acknowledgement(submission)
    return submission
