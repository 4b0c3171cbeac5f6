from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    """A page with a main image needs its alt text: readers of every language get one."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("image") and not cleaned_data.get("image_alt_text"):
            self.add_error("image_alt_text", _("Describe the image for people who cannot see it."))
        return cleaned_data


class KeyAreasInPageLanguageForm(PageForm):
    """A page form whose key-area choices are those in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "key_areas" in self.fields and self.instance.locale_id:
            field = self.fields["key_areas"]
            field.queryset = field.queryset.filter(locale_id=self.instance.locale_id).order_by(
                "path"
            )
