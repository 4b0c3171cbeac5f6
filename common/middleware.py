from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """
    Send the site's Content Security Policy with every public response. The public
    templates have no inline scripts or styles, so the policy can be strict; the Wagtail
    admin, which needs its own scripts, is left to Wagtail.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = self.header(settings.CONTENT_SECURITY_POLICY)
        # Wagtail renders previews through this middleware for the admin to frame them.
        self.preview_policy = self.header(
            {**settings.CONTENT_SECURITY_POLICY, "frame-ancestors": ["'self'"]}
        )

    @staticmethod
    def header(policy):
        return "; ".join(
            f"{directive} {' '.join(sources)}" for directive, sources in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            response.setdefault("Content-Security-Policy", self.preview_policy)
        elif not request.path.startswith(settings.CONTENT_SECURITY_POLICY_EXCLUDE):
            response.setdefault("Content-Security-Policy", self.policy)
        return response
