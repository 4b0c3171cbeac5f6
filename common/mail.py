from django.template import Context
from django.template.loader import get_template


def plain_text(template_name, context):
    """
    A template rendered for a plain-text e-mail: nothing is HTML-escaped (a name with "&"
    stays as it is), and no autoescape block indents the text.
    """
    return get_template(template_name).template.render(Context(context, autoescape=False))
