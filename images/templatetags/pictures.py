"""
Wagtail's `{% picture %}` tag, with its filter specs parsed once per template rather than
once per image: Wagtail builds and checks every filter's operations again on each
render, which cost a listing of a dozen cards more than all its database queries.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class PictureNode(wagtailimages_tags.PictureNode):
    @cached_property
    def filters(self):
        return super().get_filters()

    def get_filters(self):
        return self.filters


@register.tag
def picture(parser, token):
    node = wagtailimages_tags.image(parser, token)
    return PictureNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
