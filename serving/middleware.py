from django.conf import settings


def policy_header(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """
    Send the site's Content Security Policy and Permissions Policy. The public templates
    have no inline scripts or styles, so their policy is strict. The Wagtail admin gets a
    policy it works with, and the strict one as report-only, so that browsers say where it
    still falls short.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = policy_header(settings.CONTENT_SECURITY_POLICY)
        # Wagtail renders previews through this middleware for the admin to frame them,
        # and its preview tools (checks, scroll keeping) add inline styles; only signed-in
        # staff see previews.
        self.preview_policy = policy_header(
            {
                **settings.CONTENT_SECURITY_POLICY,
                "style-src": ["'self'", "'unsafe-inline'"],
                "frame-ancestors": ["'self'"],
            }
        )
        self.admin_policy = policy_header(settings.ADMIN_CONTENT_SECURITY_POLICY)
        self.admin_policy_report_only = policy_header(
            settings.ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY
        )
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            response.setdefault("Content-Security-Policy", self.preview_policy)
        elif request.path.startswith(settings.ADMIN_PATH):
            response.setdefault("Content-Security-Policy", self.admin_policy)
            response.setdefault(
                "Content-Security-Policy-Report-Only", self.admin_policy_report_only
            )
        else:
            response.setdefault("Content-Security-Policy", self.policy)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response
