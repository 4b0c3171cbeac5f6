from django.utils.translation import gettext_lazy as _

from page_parts.forms import KeyAreasInPageLanguageForm


class MediaItemForm(KeyAreasInPageLanguageForm):
    """An album needs a photo, and a set of documents a document."""

    required_items = {
        "album": ("album_photos", "image", _("Add at least one photo to the album.")),
        "documents": ("album_documents", "document", _("Add at least one document.")),
    }

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("media_type") in self.required_items:
            relation, field, message = self.required_items[cleaned_data["media_type"]]
            formset = self.formsets[relation]
            if formset.is_valid() and not any(
                form.cleaned_data.get(field) and not form.cleaned_data.get("DELETE")
                for form in formset.forms
            ):
                self.add_error("media_type", message)
        return cleaned_data
