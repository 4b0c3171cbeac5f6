"""
Where the admin meets the rules of translation_workflow.access and .gate. Hooks that
guard an action run before Wagtail's and wagtail-localize's own (order=-1), and the
wagtail-localize views that publish or start translations are replaced by guarded ones at
the same addresses.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail_localize.views import edit_translation

from . import views
from .access import is_moderator, may_work_in
from .forms import TranslationEmailsForm
from .gate import PUBLISH_UNFINISHED, enabled_translation, unfinished_segments
from .models import TranslationEmails
from .provenance import CONFIRMED_MACHINE_TEXTS, MACHINE_TRANSLATED
from .translation_status import MISSING, OUT_OF_DATE, to_do, translator_locales


@hooks.register("register_admin_urls", order=-1)
def register_guarded_localize_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", views.convert_to_alias),
        *[
            path(f"localize/translate/<int:translation_id>/{route}", views.own_language_only(view))
            for route, view in [
                ("strings/<int:string_segment_id>/edit/", edit_translation.edit_string_translation),
                ("overrides/<int:overridable_segment_id>/edit/", edit_translation.edit_override),
                ("pofile/upload/", edit_translation.upload_pofile),
                ("machine_translate/", views.machine_translate),
                ("disable/", edit_translation.stop_translation),
            ]
        ],
    ]


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    return [
        path("reports/translations/", views.translation_report, name="translation_report"),
        path(
            "translations/<int:translation_id>/update/",
            views.update_translation,
            name="update_translation",
        ),
        path(
            "translations/<int:translation_id>/confirm/",
            views.confirm_machine_translation,
            name="confirm_machine_translation",
        ),
    ]


@hooks.register("insert_global_admin_css")
def translation_status_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("translation_workflow/translation-status.css")
    )


class TranslationsToDoPanel(Component):
    """A translator's dashboard: the pages missing or out of date in her languages."""

    name = "translations_to_do"
    template_name = "translation_workflow/translations_to_do.html"
    order = 50
    shown = 10

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        items = to_do(self.locales)
        statuses = [cell.status for _page, cell in items]
        return {
            "items": items[: self.shown],
            "total": len(items),
            "missing": statuses.count(MISSING),
            "out_of_date": statuses.count(OUT_OF_DATE),
            "report_url": reverse("translation_report")
            + (f"?language={self.locales[0].language_code}" if len(self.locales) == 1 else ""),
            "csrf_token": parent_context["csrf_token"],
        }


@hooks.register("register_account_settings_panel")
class TranslationEmailsPanel(BaseSettingsPanel):
    """Account → Notifications: how a translator hears of her work."""

    name = "translation_emails"
    title = _("Translation e-mails")
    tab = notifications_tab
    order = 200
    form_class = TranslationEmailsForm

    def is_active(self):
        return bool(translator_locales(self.user))

    def get_form(self):
        instance = TranslationEmails.objects.filter(user=self.user).first()
        instance = instance or TranslationEmails(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=instance, prefix=self.name)


@hooks.register("construct_homepage_panels")
def add_translations_to_do(request, panels):
    locales = translator_locales(request.user)
    if locales:
        panels.append(TranslationsToDoPanel(locales))


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_report"),
        name="translation-status",
        icon_name="globe",
        order=800,
    )


def guard_edit(request, instance):
    if not may_work_in(request.user, instance.locale):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "publish":
        translation = enabled_translation(instance)
        if translation is not None:
            return views.publish(request, translation, instance)
    return None


hooks.register("before_edit_page", guard_edit, order=-1)
hooks.register("before_edit_snippet", guard_edit, order=-1)


@hooks.register("before_delete_page", order=-1)
@hooks.register("before_move_page", order=-1)
def only_moderators_delete_or_move(request, page, destination=None):
    if not is_moderator(request.user):
        raise PermissionDenied


@hooks.register("before_copy_page", order=-1)
def only_moderators_publish_copies(request, page):
    publishes = request.method == "POST" and request.POST.get("publish_copies")
    if publishes and not is_moderator(request.user):
        raise PermissionDenied


@hooks.register("before_bulk_action", order=-1)
def guard_bulk_actions(request, action_type, objects, action):
    if Page not in action.models:
        return None
    if action_type in ("delete", "move") and not is_moderator(request.user):
        raise PermissionDenied
    if action_type == "publish":
        for page in objects:
            translation = enabled_translation(page)
            if translation is not None and unfinished_segments(translation):
                messages.error(
                    request,
                    _(
                        "'%(title)s' in %(language)s still has texts to translate or machine "
                        "translations to confirm; nothing was published."
                    )
                    % {"title": page.title, "language": page.locale.get_display_name()},
                )
                return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    @actions.register_action(PUBLISH_UNFINISHED)
    class PublishUnfinished(LogFormatter):
        label = _("Publish an unfinished translation")

        def format_message(self, log_entry):
            values = {"language": log_entry.data.get("locale", "")}
            parts = []
            if segments := log_entry.data.get("segments", []):
                parts.append(
                    ngettext(
                        "%(count)d text untranslated: %(texts)s",
                        "%(count)d texts untranslated: %(texts)s",
                        len(segments),
                    )
                    % {"count": len(segments), "texts": "; ".join(segments)}
                )
            if machine := log_entry.data.get("machine_segments", []):
                parts.append(
                    ngettext(
                        "%(count)d machine translation unconfirmed: %(texts)s",
                        "%(count)d machine translations unconfirmed: %(texts)s",
                        len(machine),
                    )
                    % {"count": len(machine), "texts": "; ".join(machine)}
                )
            values["texts"] = "; ".join(parts)
            return _("Published in %(language)s by a moderator with %(texts)s") % values

    @actions.register_action(MACHINE_TRANSLATED)
    class MachineTranslated(LogFormatter):
        label = _("Machine translation")

        def format_message(self, log_entry):
            segments = log_entry.data.get("segments", [])
            return ngettext(
                "%(tool)s drafted %(count)d text in %(language)s: %(texts)s",
                "%(tool)s drafted %(count)d texts in %(language)s: %(texts)s",
                len(segments),
            ) % {
                "tool": log_entry.data.get("tool", ""),
                "count": len(segments),
                "language": log_entry.data.get("locale", ""),
                "texts": "; ".join(segments),
            }

    @actions.register_action(CONFIRMED_MACHINE_TEXTS)
    class ConfirmedMachineTexts(LogFormatter):
        label = _("Confirm machine translations")

        def format_message(self, log_entry):
            segments = log_entry.data.get("segments", [])
            return ngettext(
                "Confirmed %(count)d machine translation (%(tools)s) in %(language)s: %(texts)s",
                "Confirmed %(count)d machine translations (%(tools)s) in %(language)s: %(texts)s",
                len(segments),
            ) % {
                "tools": ", ".join(log_entry.data.get("tools", [])),
                "count": len(segments),
                "language": log_entry.data.get("locale", ""),
                "texts": "; ".join(segments),
            }
