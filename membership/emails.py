"""What a person who asked to join hears from us, in the language of the page they used."""

from public_forms.mail import send_in_language


def send(join_request, template, context):
    context = {**context, "name": join_request.form_data.get("name", "")}
    send_in_language(
        join_request.language, f"membership/emails/{template}", context, [join_request.email]
    )


def send_confirmation_request(join_request, confirmation_url):
    send(join_request, "confirm", {"confirmation_url": confirmation_url})


def send_welcome(join_request, unsubscribe_url):
    send(join_request, "welcome", {"unsubscribe_url": unsubscribe_url})
