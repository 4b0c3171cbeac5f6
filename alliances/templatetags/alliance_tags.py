"""Alliances shown elsewhere on the site: the strip on the home page."""

from django import template

from alliances.models import AllianceIndexPage

register = template.Library()


@register.inclusion_tag("alliances/includes/alliances_strip.html", takes_context=True)
def alliances_strip(context, home):
    index = AllianceIndexPage.objects.child_of(home).live().first()
    alliances = index.live_alliances() if index else []
    return {"request": context["request"], "index": index, "alliances": alliances}
