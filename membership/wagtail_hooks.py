from django.contrib.auth.models import Permission
from wagtail import hooks

VIEW_REQUESTS = "membership.view_joinrequest"


@hooks.register("filter_form_submissions_for_user")
def only_for_those_allowed_to_read_requests(user, form_pages):
    """Requests to join hold people's details: only those given the permission read them."""
    if user.has_perm(VIEW_REQUESTS):
        return form_pages
    return form_pages.none()


@hooks.register("register_permissions")
def request_permissions():
    return Permission.objects.filter(
        content_type__app_label="membership", codename="view_joinrequest"
    )
