from django.core.mail import EmailMessage
from django.template import Context
from django.template.loader import get_template
from django.utils import translation


def plain_text(template_name, context):
    """
    A template rendered for a plain-text e-mail: nothing is HTML-escaped (a name with "&"
    stays as it is), and no autoescape block indents the text.
    """
    return get_template(template_name).template.render(Context(context, autoescape=False))


def send_in_language(language, template, context, to):
    """An e-mail from `template`_subject.txt and `template`.txt, written in `language`."""
    with translation.override(language):
        subject = plain_text(f"{template}_subject.txt", context).strip()
        body = plain_text(f"{template}.txt", context)
    EmailMessage(subject, body, to=to).send()
