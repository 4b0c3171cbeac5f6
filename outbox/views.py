from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from .tasks import deliver

TASK_PATH = f"{deliver.func.__module__}.{deliver.func.__qualname__}"


def undelivered_messages():
    return DBTaskResult.objects.failed().filter(task_path=TASK_PATH).order_by("-finished_at")


def only_administrators(view):
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


@only_administrators
def undelivered(request):
    """The e-mails the mail server never took, after every attempt, for an administrator."""
    results = undelivered_messages()[:200]
    rows = [
        {
            "id": result.pk,
            "message": result.args_kwargs["args"][0],
            "failed_at": result.finished_at,
            "error": result.traceback.strip().splitlines()[-1] if result.traceback else "",
        }
        for result in results
    ]
    return TemplateResponse(request, "outbox/undelivered.html", {"rows": rows})


@only_administrators
@require_POST
def send_again(request, result_id):
    """Queue an undelivered e-mail afresh, with all its attempts, and take it off the list."""
    result = get_object_or_404(undelivered_messages(), pk=result_id)
    deliver.enqueue(result.args_kwargs["args"][0])
    result.delete()
    messages.success(request, _("The e-mail is queued to be sent again."))
    return redirect("outbox_undelivered")
