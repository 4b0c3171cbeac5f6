"""
What the sender of a story hears from us, always in the language they wrote in: a link
to confirm their address, an acknowledgement once they have, and the story's address
when a moderator publishes it.
"""

from public_forms.mail import send_in_language


def send(submission, template, context=None):
    context = {**(context or {}), "submission": submission}
    send_in_language(
        submission.language, f"submissions/emails/{template}", context, [submission.email]
    )


def send_confirmation_request(submission, confirmation_url):
    send(submission, "confirm", {"confirmation_url": confirmation_url})


def send_acknowledgement(submission):
    send(submission, "received")


def send_published_notice(submission, story_url):
    send(submission, "published", {"story_url": story_url})
