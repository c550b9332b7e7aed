#!/usr/bin/env python3
"""Static checks of the repository's Dockerfile and .dockerignore, without a Docker engine.

Usage: dockerfile_checks.py REPO_ROOT

Prints one line per check, "PASS<TAB>text" or "FAIL<TAB>text", and facts that check.sh needs as
"DATA<TAB>key<TAB>value" lines (value JSON-encoded). Exits 0 even when checks fail: check.sh counts them.
"""

import json
import os
import re
import shlex
import subprocess
import sys

BUILDER_IMAGE = "swift:6.3-bookworm"
RUNTIME_IMAGE = "debian:bookworm-slim"
RUNTIME_UID = "10001"
BINARY = "attributed"
BUNDLE = "attributed_AttributedCore.resources"
# What the build reads besides Package.swift: the plugin copies openapi.yaml from the package root, and SwiftPM
# refuses to load the package when a declared test target's folder is missing, even for a build without tests.
BUILD_INPUTS = ["openapi.yaml", "Plugins", "Sources", "Tests"]

results = []


def check(ok, text):
    results.append(("PASS" if ok else "FAIL", text))
    return ok


def data(key, value):
    print(f"DATA\t{key}\t{json.dumps(value)}")


# --- Dockerfile parsing -------------------------------------------------------------------------------------------

class Instruction:
    def __init__(self, keyword, rest, line):
        self.keyword = keyword.upper()
        self.rest = rest.strip()
        self.line = line

    def json_form(self, text=None):
        """The exec (JSON array) form's list, or None for the shell form."""
        text = self.rest if text is None else text
        if not text.startswith("["):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None

    def flags_and_args(self):
        """--flag=value options first (COPY, HEALTHCHECK, FROM), then the rest."""
        flags, rest = {}, self.rest
        while True:
            match = re.match(r"--([a-z-]+)(?:=(\S+))?\s*", rest)
            if not match:
                return flags, rest
            flags[match.group(1)] = match.group(2) if match.group(2) is not None else ""
            rest = rest[match.end():]

    def __repr__(self):
        return f"{self.keyword} {self.rest} (line {self.line})"


def parse_dockerfile(text):
    """Logical instructions: joins lines ending in a backslash, drops comment lines (also inside continuations)."""
    instructions, buffer, start = [], "", None
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue  # blank line, comment or parser directive (# syntax=...)
        if buffer and stripped.startswith("#"):
            continue  # Docker drops comment lines inside a continuation
        if start is None:
            start = number
        if raw.rstrip().endswith("\\"):
            buffer += raw.rstrip()[:-1] + " "
            continue
        buffer += raw
        keyword, _, rest = buffer.strip().partition(" ")
        instructions.append(Instruction(keyword, rest, start))
        buffer, start = "", None
    if buffer:
        raise ValueError(f"line {start}: continuation runs past the end of the file")
    return instructions


def split_stages(instructions):
    stages = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            _, rest = instruction.flags_and_args()
            words = rest.split()
            name = words[2] if len(words) == 3 and words[1].lower() == "as" else None
            stages.append({"image": words[0], "name": name, "instructions": []})
        elif instruction.keyword == "ARG" and not stages:
            continue
        elif not stages:
            raise ValueError(f"line {instruction.line}: {instruction.keyword} before the first FROM")
        else:
            stages[-1]["instructions"].append(instruction)
    return stages


def of(stage, keyword):
    return [i for i in stage["instructions"] if i.keyword == keyword]


def shell_commands(run):
    """A RUN's shell form split at && into word lists."""
    return [shlex.split(part) for part in run.rest.split("&&") if part.strip()]


# --- .dockerignore ------------------------------------------------------------------------------------------------

def ignore_patterns(root):
    path = os.path.join(root, ".dockerignore")
    if not os.path.exists(path):
        return []
    patterns = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = os.path.normpath(line[1:] if negate else line).lstrip("/")
        patterns.append((negate, pattern_regex(pattern)))
    return patterns


def pattern_regex(pattern):
    """Docker's matching (Go filepath.Match plus **): * and ? stay within one path element."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
            if pattern.startswith("/", i):
                out, i = out[:-2] + "(?:.*/)?", i + 1
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.find("]", i)
            out, i = (out + re.escape("["), i + 1) if end < 0 else (out + pattern[i:end + 1], end + 1)
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def ignored(relative, patterns):
    """True when the context path, or a folder above it, is excluded (the last matching pattern wins)."""
    parts = relative.strip("/").split("/")
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        verdict = None
        for negate, regex in patterns:
            if regex.match(prefix):
                verdict = not negate
        if verdict:
            # Docker still sends a re-included path below an excluded folder; none of our patterns does that.
            return True
    return False


def context_files(root, relative):
    """Files the context holds under a path: git's tracked and untracked-but-not-ignored files, or a walk."""
    try:
        listed = subprocess.run(["git", "-C", root, "ls-files", "-co", "--exclude-standard", "--", relative],
                                check=True, capture_output=True, text=True).stdout.split("\n")
        files = [f for f in listed if f and os.path.exists(os.path.join(root, f))]
        if files:
            return files
    except (OSError, subprocess.CalledProcessError):
        pass
    full = os.path.join(root, relative)
    if os.path.isfile(full):
        return [relative]
    return [os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(full) for f in fs]


# --- checks -------------------------------------------------------------------------------------------------------

def main(root):
    dockerfile = os.path.join(root, "Dockerfile")
    try:
        stages = split_stages(parse_dockerfile(open(dockerfile, encoding="utf-8").read()))
    except (OSError, ValueError) as error:
        check(False, f"Dockerfile parses: {error}")
        return
    summary = ", ".join(f"{s['image']} AS {s['name']} ({len(s['instructions'])} instructions)" for s in stages)
    check(len(stages) == 2, f"Dockerfile parses into 2 stages: {summary}")
    if len(stages) < 2:
        return
    builder, runtime = stages[0], stages[-1]

    check(builder["image"] == BUILDER_IMAGE and builder["name"] == "builder",
          f"builder stage is FROM {BUILDER_IMAGE} AS builder (is {builder['image']} AS {builder['name']})")
    check(runtime["image"] == RUNTIME_IMAGE,
          f"runtime (last) stage is FROM {RUNTIME_IMAGE} (is {runtime['image']})")

    # apt-get in both stages: update, install --no-install-recommends, lists removed in the same layer.
    installed = {}
    # libmicrohttpd, zlib and libcrypto (the CMicroHTTPD, CZlib and CCrypto system-library targets): headers to
    # build, libraries to run.
    for stage, wanted_packages in ((builder, ["libmicrohttpd-dev", "zlib1g-dev", "libssl-dev"]),
                                   (runtime, ["libmicrohttpd12", "zlib1g", "libssl3"])):
        packages, tidy = [], False
        for run in of(stage, "RUN"):
            commands = shell_commands(run)
            for words in commands:
                if words[:2] == ["apt-get", "install"]:
                    has_update = any(w[:2] == ["apt-get", "update"] for w in commands)
                    tidy = has_update and "--no-install-recommends" in words and "-y" in words and any(
                        w[:2] == ["rm", "-rf"] and "/var/lib/apt/lists/*" in w for w in commands)
                    packages += [w for w in words[2:] if not w.startswith("-")]
        installed[stage["name"] or stage["image"]] = packages
        check(all(wanted in packages for wanted in wanted_packages) and tidy,
              f"{stage['name'] or stage['image']} stage: apt-get update, install -y --no-install-recommends "
              f"{' '.join(packages) or '(nothing)'}, lists removed")
    data("runtime_packages", installed[runtime["name"] or runtime["image"]])

    # Builder order: Package.swift, resolve, then the sources, then the release build with a static stdlib.
    steps = builder["instructions"]
    def index(predicate):
        return next((n for n, i in enumerate(steps) if predicate(i)), None)
    copy_manifest = index(lambda i: i.keyword == "COPY" and i.flags_and_args()[1].split()[0] == "Package.swift")
    resolve = index(lambda i: i.keyword == "RUN" and ["swift", "package", "resolve"] in shell_commands(i))
    copy_sources = index(lambda i: i.keyword == "COPY" and i.flags_and_args()[1].split()[0] == "Sources")
    build = index(lambda i: i.keyword == "RUN" and any(
        w[:2] == ["swift", "build"] and "-c" in w and "release" in w and "--static-swift-stdlib" in w
        and "--show-bin-path" not in w for w in shell_commands(i)))
    order = [copy_manifest, resolve, copy_sources, build]
    check(None not in order and order == sorted(order),
          "builder: COPY Package.swift, RUN swift package resolve, COPY Sources, "
          "RUN swift build -c release --static-swift-stdlib, in that order")

    # Every path the builder copies from the context exists and is not excluded by .dockerignore.
    patterns = ignore_patterns(root)
    copied = []
    for copy in of(builder, "COPY") + of(builder, "ADD"):
        flags, rest = copy.flags_and_args()
        if "from" in flags:
            continue
        words = copy.json_form(rest) or rest.split()
        copied += words[:-1]
    problems = []
    for source in copied:
        relative = os.path.normpath(source).lstrip("/")
        if not os.path.exists(os.path.join(root, relative)):
            problems.append(f"{source} is missing")
        elif ignored(relative, patterns):
            problems.append(f"{source} is excluded by .dockerignore")
        else:
            excluded = [f for f in context_files(root, relative) if ignored(f, patterns)]
            if excluded:
                problems.append(f"{len(excluded)} file(s) under {source} excluded, e.g. {excluded[0]}")
    check(copied and not problems,
          f"builder COPY sources exist and are not excluded by .dockerignore: {' '.join(copied)}"
          + (f" ({'; '.join(problems)})" if problems else ""))
    missing_inputs = [p for p in BUILD_INPUTS if p not in [os.path.normpath(c) for c in copied]]
    check(not missing_inputs, f"builder copies what the build reads ({', '.join(BUILD_INPUTS)})"
          + (f": missing {', '.join(missing_inputs)}" if missing_inputs else ""))
    must_ignore = [".build", ".build-docker", ".git", ".swiftpm", "Package.resolved"]
    not_ignored = [p for p in must_ignore if not ignored(p, patterns)]
    check(not not_ignored, f".dockerignore excludes {', '.join(must_ignore)}"
          + (f" (not: {', '.join(not_ignored)})" if not_ignored else ""))

    # Runtime: the binary and its bundle side by side, where the ENTRYPOINT runs it.
    entrypoint = of(runtime, "ENTRYPOINT")
    exec_form = entrypoint[-1].json_form() if entrypoint else None
    check(exec_form == [f"/app/{BINARY}"],
          f"ENTRYPOINT is exec form {json.dumps(exec_form) if exec_form else '(shell form or none)'}, "
          "so the server is PID 1 and gets SIGTERM")
    app_dir = os.path.dirname(exec_form[0]) if exec_form else "/app"
    staged = {}
    for run in of(builder, "RUN"):
        for words in shell_commands(run):
            if words and words[0] == "cp" and len(words) >= 3:
                sources = [os.path.basename(w) for w in words[1:-1] if not w.startswith("-")]
                staged.setdefault(os.path.normpath(words[-1]), []).extend(sources)
    layout = []
    for copy in of(runtime, "COPY"):
        flags, rest = copy.flags_and_args()
        words = copy.json_form(rest) or rest.split()
        if flags.get("from") == "builder" and os.path.normpath(words[-1]) == app_dir:
            for source in words[:-1]:
                source = os.path.normpath(source)
                layout += staged.get(source, [os.path.basename(source)])
    check(BINARY in layout and BUNDLE in layout,
          f"runtime copies {BINARY} and {BUNDLE} from the builder into {app_dir}/ "
          f"(copied there: {', '.join(layout) or 'nothing'})")
    workdir = of(runtime, "WORKDIR")
    check(bool(workdir) and workdir[-1].rest.startswith("/"),
          f"runtime WORKDIR {workdir[-1].rest if workdir else '(none)'}")

    users = of(runtime, "USER")
    user = users[-1].rest if users else "(none, so root)"
    uid = user.split(":")[0]
    made = any(f"--uid {uid}" in run.rest for run in of(runtime, "RUN"))
    check(uid == RUNTIME_UID and made and entrypoint and users[-1].line < entrypoint[-1].line,
          f"runtime runs as non-root USER {user}, created with that uid before the ENTRYPOINT")
    data("runtime_uid", uid)

    exposed = [w.split("/")[0] for i in of(runtime, "EXPOSE") for w in i.rest.split()]
    check(exposed == ["8080"], f"EXPOSE {' '.join(exposed) or '(none)'}")

    cmd = of(runtime, "CMD")
    cmd_form = cmd[-1].json_form() if cmd else None
    check(cmd_form is not None and cmd_form[:1] == ["serve"] and "--host" in cmd_form
          and cmd_form[cmd_form.index("--host") + 1] == "0.0.0.0" and "--port" in cmd_form
          and cmd_form[cmd_form.index("--port") + 1] == "8080",
          f"CMD is exec form {json.dumps(cmd_form)} (serve on 0.0.0.0:8080)")

    stop = of(runtime, "STOPSIGNAL")
    check(bool(stop) and stop[-1].rest == "SIGTERM", f"STOPSIGNAL {stop[-1].rest if stop else '(none)'}")

    health = of(runtime, "HEALTHCHECK")
    probe = None
    if health:
        flags, rest = health[-1].flags_and_args()
        keyword, _, command = rest.partition(" ")
        if keyword.upper() == "CMD":
            probe = health[-1].json_form(command.strip()) or ["/bin/sh", "-c", command.strip()]
    text = " ".join(probe) if probe else ""
    check(probe is not None and "/healthz" in text and ("127.0.0.1:8080" in text or "127.0.0.1/8080" in text),
          "HEALTHCHECK probes http://127.0.0.1:8080/healthz"
          + (f" with {probe[0]}" if probe else " (no HEALTHCHECK CMD)"))
    data("healthcheck", probe)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "."))
    for status, text in results:
        print(f"{status}\t{text}")
