"""
Long-lived processes (the worker, the scheduler) ride out a database that goes away:
they wait, with growing pauses, until it answers again, then carry on.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections

from .health import database_answers

logger = logging.getLogger(__name__)

# What a database that cannot be reached raises, as opposed to a query it refused.
UNREACHABLE = (OperationalError, InterfaceError)
LONGEST_PAUSE = 10


def wait_for_database(process):
    """Return once the database answers, having said so in the log."""
    logger.warning("%s: the database does not answer; waiting for it.", process)
    started = time.monotonic()
    pause = 1
    while True:
        # Connections opened before the outage are dead: ask on a new one each time.
        connections.close_all()
        if database_answers():
            break
        time.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)
    logger.warning(
        "%s: the database answers again after %.0f s; carrying on.",
        process,
        time.monotonic() - started,
    )
