import logging
from functools import wraps

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from .access import (
    is_moderator,
    may_work_in,
    publishing_locale_ids,
    submittable_locales,
    works_in_every_language,
)
from .gate import publish_translation, unfinished_segments
from .provenance import confirm_machine_texts, record_machine_translation, texts
from .translation_status import STATUS_LABELS, target_locales, translation_rows, translator_locales

logger = logging.getLogger(__name__)


def translation_report(request):
    """
    The page × language grid of translation status, for translators and editors. A
    translator first sees her own language; "All languages" is there for her too.
    """
    languages = dict(settings.LANGUAGES)
    if "language" in request.GET:
        language = request.GET["language"]
    else:
        own = translator_locales(request.user)
        language = own[0].language_code if own else None
    if language not in languages or language == settings.LANGUAGE_CODE:
        language = None
    status = request.GET.get("status")
    if status not in STATUS_LABELS:
        status = None
    locales = target_locales(language)
    return TemplateResponse(
        request,
        "translation_workflow/translation_report.html",
        {
            "rows": translation_rows(locales, statuses=status and {status}),
            "locales": locales,
            "language": language,
            "languages": [
                (code, name) for code, name in languages.items() if code != settings.LANGUAGE_CODE
            ],
            "status": status,
            "statuses": STATUS_LABELS.items(),
        },
    )


def own_translation(request, translation_id):
    """An enabled translation into a language `request.user` works in, or a refusal."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    if not may_work_in(request.user, translation.target_locale):
        raise PermissionDenied
    return translation


@require_POST
def update_translation(request, translation_id):
    """
    Bring one language's translation up to date with its source, and open it in the
    translation editor, which lists first the texts that changed. The other languages'
    pages stay as they are until their own translators update them.
    """
    translation = own_translation(request, translation_id)
    with transaction.atomic():
        translation.source.update_from_db()
    instance = translation.get_target_instance()
    messages.success(
        request,
        _("'%(title)s' in %(language)s now has the latest texts from its source.")
        % {"title": instance, "language": translation.target_locale.get_display_name()},
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(instance))


@require_POST
def machine_translate(request, translation_id):
    """
    wagtail-localize's "Translate with <machine>", with what the machine drafted written in
    the page's history. A machine translator that cannot be reached, or that refuses (a
    quota used up, a wrong key), is a message for the translator, not an error page.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    before = {text.made.pk for text in texts(translation) if text.made}
    try:
        response = edit_translation.machine_translate(request, translation_id)
    except (requests.RequestException, KeyError, ValueError):
        logger.warning(
            "Machine translation failed for translation %s", translation_id, exc_info=True
        )
        messages.error(
            request,
            _(
                "The machine translator could not translate this just now, so nothing was "
                "changed. Try again later, or translate the texts yourself."
            ),
        )
        return redirect(
            AdminURLFinder(request.user).get_edit_url(translation.get_target_instance())
        )
    record_machine_translation(translation, request.user, before)
    return response


@require_POST
def confirm_machine_translation(request, translation_id):
    """
    A translator confirms machine translations she has read: one (`segment`) or `all` of
    them. Each then counts as hers, and the page's history says so.
    """
    translation = own_translation(request, translation_id)
    chosen = {int(segment) for segment in request.POST.getlist("segment") if segment.isdigit()}
    segment_ids = None if "all" in request.POST else chosen
    confirmed = confirm_machine_texts(translation, request.user, segment_ids)
    language = translation.target_locale.get_display_name()
    if confirmed:
        messages.success(
            request,
            ngettext(
                "Confirmed %(count)d machine translation in %(language)s: it is yours now.",
                "Confirmed %(count)d machine translations in %(language)s: they are yours now.",
                len(confirmed),
            )
            % {"count": len(confirmed), "language": language},
        )
    else:
        messages.info(request, _("There was no machine translation left to confirm."))
    return redirect(AdminURLFinder(request.user).get_edit_url(translation.get_target_instance()))


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.has_perm(
        get_permission_name("publish", type(instance))
    ) and instance.locale_id in publishing_locale_ids(user)


def publish(request, translation, instance):
    """
    "Publish in <language>" from wagtail-localize's editor, through the gate: refused to
    anyone who may not publish in that language; refused, with the texts still to
    translate, while any is unfinished, unless a moderator publishes it anyway.
    """
    if not may_publish(request.user, instance):
        raise PermissionDenied
    unfinished = unfinished_segments(translation)
    publish_anyway = request.POST.get("publish-unfinished") and is_moderator(request.user)
    if unfinished and not publish_anyway:
        return TemplateResponse(
            request,
            "translation_workflow/unfinished_translation.html",
            {
                "instance": instance,
                "locale": translation.target_locale,
                "unfinished": unfinished,
                "may_publish_anyway": is_moderator(request.user),
            },
        )
    try:
        revision = publish_translation(translation, request.user, unfinished)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(request.path)
    messages.success(request, published_message(revision, translation))
    return redirect(request.path)


def published_message(revision, translation):
    """ "Published …", or "… is scheduled for …" when the translation goes live later."""
    values = {
        "title": str(revision.as_object()),
        "language": translation.target_locale.get_display_name(),
    }
    if revision.approved_go_live_at:
        values["date"] = formats.date_format(
            timezone.localtime(revision.approved_go_live_at), "DATETIME_FORMAT"
        )
        return _("'%(title)s' in %(language)s is scheduled for %(date)s.") % values
    return _("Published '%(title)s' in %(language)s.") % values


class OwnLanguagesOnlyMixin:
    """Offer translators only their own languages; a forged choice is a form error."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = submittable_locales(self.request.user, field.queryset)
        return form


class SubmitPageTranslationView(
    OwnLanguagesOnlyMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    OwnLanguagesOnlyMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """
    wagtail-localize's "Sync translated pages". Anyone who may submit translations may
    bring the translations' sources up to date; "publish immediately" is offered only to
    those who may publish in every language concerned, and publishes only the
    translations that pass the gate. The others wait, as drafts, for their translators.
    """

    def may_publish_all(self):
        target_locale_ids = set(
            self.object.translations.filter(enabled=True).values_list("target_locale", flat=True)
        )
        return target_locale_ids <= publishing_locale_ids(self.request.user)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            del form.fields["publish_translations"]
        return form

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations") and not self.may_publish_all():
            raise PermissionDenied
        return super().post(request, **kwargs)

    def form_valid(self, form):
        publish = form.cleaned_data.get("publish_translations", False)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            self.publish_finished_translations()
        return response

    def publish_finished_translations(self):
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            unfinished = unfinished_segments(translation)
            if unfinished:
                values = {
                    "title": self.object.object_repr,
                    "language": translation.target_locale.get_display_name(),
                    "texts": "; ".join(text.source for text in unfinished),
                }
                messages.warning(
                    self.request,
                    _(
                        "'%(title)s' was not published in %(language)s: "
                        "these texts are not yet translated or confirmed by a person: %(texts)s"
                    )
                    % values,
                )
                continue
            try:
                revision = publish_translation(translation, self.request.user)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
            else:
                messages.success(self.request, published_message(revision, translation))


def own_language_only(view):
    """Guard a wagtail-localize view of one translation: only who works in its language."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        if not may_work_in(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


def convert_to_alias(request, page_id):
    """Turning a translation back into an alias puts the source text live: moderators only."""
    if not is_moderator(request.user):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class OwnLanguagesSnippetViewSet(SnippetViewSet):
    """
    A translatable snippet's admin where translators list, edit and publish only the
    records of their own languages (editing is guarded by the before_edit_snippet hook).
    """

    class UnpublishView(snippet_views.UnpublishView):
        def get_object(self, queryset=None):
            instance = super().get_object(queryset)
            if not may_work_in(self.request.user, instance.locale):
                raise PermissionDenied
            return instance

    unpublish_view_class = UnpublishView

    def get_queryset(self, request):
        if works_in_every_language(request.user):
            return None
        return self.model.objects.filter(locale__in=publishing_locale_ids(request.user))
