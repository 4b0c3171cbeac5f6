from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from translation_workflow.views import OwnLanguagesSnippetViewSet

from .models import Topic


class TopicViewSet(OwnLanguagesSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
