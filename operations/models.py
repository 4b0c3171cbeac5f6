from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyRun(models.Model):
    """
    The last day the scheduler ran a daily job. Kept in the database, so that neither a
    restart nor an outage across the job's hour makes it run twice or not at all.
    """

    job = models.CharField(_("job"), max_length=100, primary_key=True)
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("daily run")
        verbose_name_plural = _("daily runs")

    def __str__(self):
        return f"{self.job}: {self.day}"
