"""
Alliances on other apps' pages: the home page's alliances strip. Registered as a page
section in wagtail_hooks.py, so the home page never imports this app.
"""

from django.template.loader import render_to_string

from alliances.models import AllianceIndexPage


def alliances_strip(request, home):
    index = AllianceIndexPage.objects.child_of(home).live().first()
    alliances = index.live_alliances() if index else []
    context = {"index": index, "alliances": alliances}
    return render_to_string("alliances/includes/alliances_strip.html", context, request=request)
