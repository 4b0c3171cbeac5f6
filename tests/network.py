"""What tests put between the site and the services it talks to: free ports and doors."""

import contextlib
import socket
import threading
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, message, seconds=60):
    """Check `condition()` every fifth of a second; fail with `message` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.2)


def pipe(source, target):
    """Copy what `source` sends to `target` until it is done, then say so."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def join_both_ways(one, other):
    threads = [threading.Thread(target=pipe, args=ends) for ends in ((one, other), (other, one))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Door:
    """
    A port in front of a service (`target`, a (host, port) pair) that can be shut, as when
    the service goes away: shutting refuses new connections and cuts the open ones.
    Opening it again listens on the same port.
    """

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.connections = []
        self.listener = None
        self.open()

    def open(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            threading.Thread(target=self.forward, args=(client,), daemon=True).start()

    def forward(self, client):
        try:
            upstream = socket.create_connection(self.target)
        except OSError:
            client.close()
            return
        self.connections += [client, upstream]
        with client, upstream:
            join_both_ways(client, upstream)

    def shut(self):
        for connection in [self.listener, *self.connections]:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.connections = []
