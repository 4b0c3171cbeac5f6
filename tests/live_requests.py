"""
The requests a live server is still answering. A browser test's last page can still be
rendering (and writing image renditions) in the server's thread when the next test puts
the demo database back; waiting for the server to be idle first keeps the two apart.
"""

import threading

_idle = threading.Condition()
_active = 0


class TrackRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _active
        with _idle:
            _active += 1
        try:
            return self.get_response(request)
        finally:
            with _idle:
                _active -= 1
                _idle.notify_all()


def wait_until_idle(timeout=60):
    with _idle:
        if not _idle.wait_for(lambda: _active == 0, timeout):
            raise TimeoutError(f"The live server is still answering {_active} requests.")
