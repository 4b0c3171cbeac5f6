"""A mail server on a free local port (aiosmtpd) that keeps what it is sent, and can go away."""

import email
from email.policy import default

from aiosmtpd.controller import Controller

from tests.network import free_port


class Sink:
    """Takes every message, except for addresses at unknown.example, which it refuses for good."""

    def __init__(self, received):
        self.received = received

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@unknown.example"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=default)
        self.received.append((envelope.rcpt_tos, message))
        return "250 Message accepted"


class MailServer:
    def __init__(self):
        self.port = free_port()
        self.received = []
        self.controller = None

    def start(self):
        self.controller = Controller(Sink(self.received), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def subjects(self):
        return sorted(message["Subject"] for _recipients, message in self.received)
