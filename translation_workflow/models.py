from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationEmails(models.Model):
    """How a translator hears of her work by e-mail (Account → Notifications)."""

    class Frequency(models.TextChoices):
        EACH_CHANGE = "each-change", _("Each time a page needs translating or updating")
        DAILY = "daily", _("Once a day, a summary of my to-do list")
        NEVER = "never", _("Never")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_emails"
    )
    frequency = models.CharField(
        max_length=20,
        choices=Frequency,
        default=Frequency.EACH_CHANGE,
        verbose_name=_("E-mails about translations"),
    )

    class Meta:
        verbose_name = _("translation e-mail preference")
        verbose_name_plural = _("translation e-mail preferences")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"
