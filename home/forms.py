from wagtail.admin.forms import WagtailAdminPageForm

from home.models import KeyAreaPage


class KeyAreasInPageLanguageForm(WagtailAdminPageForm):
    """A page form whose key-area choices are those in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "key_areas" in self.fields and self.instance.locale_id:
            self.fields["key_areas"].queryset = KeyAreaPage.objects.filter(
                locale_id=self.instance.locale_id
            ).order_by("path")
