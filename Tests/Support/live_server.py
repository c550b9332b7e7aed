"""`attributed serve` on 127.0.0.1 and a free port, for the Python suites (Tests/Browser, Tests/Standards), and a GET
that returns error replies too."""
import json
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


class Server:
    """`attributed serve` on 127.0.0.1 and a free port, until the block ends."""

    def __init__(self, binary, data=None, extra=()):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        arguments = [binary, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        if data:
            arguments += ["--data", str(data)]
        arguments += list(extra)
        self.process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.process.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not become ready in 30 s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def get(url, headers=None):
    """(status, headers, body) of a GET, a 4xx or 5xx included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_json(url, headers=None):
    """The body of a 200, parsed."""
    return json.loads(get(url, headers)[2])
