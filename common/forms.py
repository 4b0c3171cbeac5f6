from wagtail.admin.forms import WagtailAdminPageForm


class KeyAreasInPageLanguageForm(WagtailAdminPageForm):
    """A page form whose key-area choices are those in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "key_areas" in self.fields and self.instance.locale_id:
            field = self.fields["key_areas"]
            field.queryset = field.queryset.filter(locale_id=self.instance.locale_id).order_by(
                "path"
            )
