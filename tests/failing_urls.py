"""A URL that fails, for the error-reporting test."""

from django.urls import path


def fail(request):
    raise RuntimeError("a bug only production meets")


urlpatterns = [path("fail/", fail)]
