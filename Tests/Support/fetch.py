"""GET for the Python suites: status, headers and body, an HTTP error being an answer like any other."""
import json
import urllib.error
import urllib.request


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_json(url, headers=None):
    """The body of a 200, parsed."""
    return json.loads(get(url, headers)[2])
