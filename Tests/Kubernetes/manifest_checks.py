#!/usr/bin/env python3
"""Checks deploy/kubernetes/ without a cluster: see check.sh, which runs this in the tests' venv.

Usage: manifest_checks.py BINARY

Prints one line per check ("ok", "FAILED" or "skip", then what was checked) and ends with "N passed, N failed"
(", N skipped" when some were); exits 1 when a check failed.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import kubernetes_validate
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BASE = os.path.join(ROOT, "deploy", "kubernetes")
WRITABLE = os.path.join(ROOT, "deploy", "kubernetes-writable")
sys.path.insert(0, os.path.join(ROOT, "Tests", "Docker"))
from dockerfile_checks import of, parse_dockerfile, split_stages  # noqa: E402  (the Dockerfile's one parser)

# Upstream supports three minor versions at a time; these are the oldest and the newest of them in the pinned
# kubernetes-validate. Strict: a field the API does not know is an error, as `kubectl apply --validate=strict` has it.
KUBERNETES_VERSIONS = ("1.35", "1.37")
BUNDLE = "attributed_AttributedCore.resources"
DRAIN_TIMEOUT_DEFAULT = 5  # `attributed serve --drain-timeout`'s default

counts = {"passed": 0, "failed": 0, "skipped": 0}


def check(ok, text):
    counts["passed" if ok else "failed"] += 1
    print(("ok      " if ok else "FAILED  ") + text, flush=True)
    return ok


def skip(text):
    counts["skipped"] += 1
    print("skip    " + text, flush=True)


def finish():
    line = f"{counts['passed']} passed, {counts['failed']} failed"
    print(line + (f", {counts['skipped']} skipped" if counts["skipped"] else ""))
    sys.exit(1 if counts["failed"] else 0)


# --- Rendering ----------------------------------------------------------------------------------------------------

def read_base(base):
    """What kustomize renders for a base that lists `resources:` only: every document of every file, in order."""
    with open(os.path.join(base, "kustomization.yaml")) as f:
        kustomization = yaml.safe_load(f)
    extra = sorted(set(kustomization) - {"apiVersion", "kind", "resources"})
    if extra:
        raise ValueError(f"kustomization.yaml uses {', '.join(extra)}: this reader renders `resources:` only")
    objects = []
    for resource in kustomization["resources"]:
        with open(os.path.join(base, resource)) as f:
            objects += [document for document in yaml.safe_load_all(f) if document]
    return kustomization["resources"], objects


def kustomize_render(base):
    """The real kustomize's output, from `kustomize` or `kubectl kustomize`, or None when neither is installed."""
    for command in (["kustomize", "build", base], ["kubectl", "kustomize", base]):
        if shutil.which(command[0]):
            output = subprocess.run(command, capture_output=True, text=True, timeout=60)
            if output.returncode != 0:
                raise RuntimeError(f"{' '.join(command[:2])}: {output.stderr.strip()}")
            return " ".join(command[:2]), [d for d in yaml.safe_load_all(output.stdout) if d]
    return None


def key(resource):
    return resource["kind"], resource["metadata"]["name"]


# --- The image and the binary -------------------------------------------------------------------------------------

def image_facts():
    """The runtime stage's user, port, entrypoint, command and healthcheck path, from the Dockerfile."""
    with open(os.path.join(ROOT, "Dockerfile")) as f:
        runtime = split_stages(parse_dockerfile(f.read()))[-1]
    user = of(runtime, "USER")[-1].rest.split(":")
    _, healthcheck = of(runtime, "HEALTHCHECK")[-1].flags_and_args()  # "CMD [...]" after the --options
    healthcheck_path = re.search(r"GET (/\S*) HTTP", healthcheck)
    return {
        "uid": int(user[0]), "gid": int(user[1]) if len(user) > 1 else None,
        "ports": [int(p.split("/")[0]) for e in of(runtime, "EXPOSE") for p in e.rest.split()],
        "entrypoint": of(runtime, "ENTRYPOINT")[-1].json_form(),
        "cmd": of(runtime, "CMD")[-1].json_form(),
        "healthcheck_path": healthcheck_path[1] if healthcheck_path else None,
    }


def serve_flags(binary):
    """Every --flag that `attributed serve --help` lists."""
    output = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True, timeout=30)
    return set(re.findall(r"^\s+(--[a-z-]+)", output.stdout, re.M))


def flag_values(args):
    """`--flag value` pairs after the subcommand (every flag of `serve` takes a value)."""
    return {args[i]: args[i + 1] for i in range(1, len(args) - 1) if args[i].startswith("--")}


def quantity(text):
    """A CPU or memory quantity as a number (cores or bytes): 500m, 2, 128Mi, 1G."""
    units = {"m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40}
    number, unit = re.fullmatch(r"([0-9.]+)([a-zA-Z]*)", str(text)).groups()
    return float(number) * units[unit]


# --- A pod's view, on this machine --------------------------------------------------------------------------------

def project_configmap(configmap, directory, stamp):
    """Writes a ConfigMap's data as the kubelet mounts it: a timestamped folder, `..data` pointing at it, and each
    key a symlink through `..data` (an update swaps `..data` atomically)."""
    version = f"..{stamp}"
    os.makedirs(os.path.join(directory, version), exist_ok=True)
    for name, text in configmap["data"].items():
        with open(os.path.join(directory, version, name), "w") as f:
            f.write(text)
        if not os.path.islink(os.path.join(directory, name)):
            os.symlink(os.path.join("..data", name), os.path.join(directory, name))
    os.symlink(version, os.path.join(directory, "..data.tmp"))
    os.replace(os.path.join(directory, "..data.tmp"), os.path.join(directory, "..data"))


def get(port, path):
    """(status, body) of GET http://127.0.0.1:port/path; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def validate_objects(objects, prefix):
    """Each object against the API schemas of every supported version, strictly."""
    for resource in objects:
        for version in KUBERNETES_VERSIONS:
            name = f"{prefix}{resource.get('kind')}/{resource.get('metadata', {}).get('name')}"
            try:
                kubernetes_validate.validate(resource, version, strict=True)
                check(True, f"{name} validates against Kubernetes {version} (strict)")
            except kubernetes_validate.ValidationError as error:
                check(False, f"{name} against Kubernetes {version}: {'.'.join(map(str, error.path))}: {error.message}")
            except (kubernetes_validate.SchemaNotFoundError, kubernetes_validate.VersionNotSupportedError) as error:
                check(False, f"{name} against Kubernetes {version}: {error.message}")


# --- The checks ---------------------------------------------------------------------------------------------------

def main(binary):
    try:
        files, objects = read_base(BASE)
    except (OSError, ValueError, yaml.YAMLError) as error:
        check(False, f"reading deploy/kubernetes: {error}")
        finish()
    check(True, f"kustomization.yaml: {len(objects)} objects from {len(files)} files ({', '.join(files)})")
    try:
        rendered = kustomize_render(BASE)
        if rendered is None:
            skip("neither kustomize nor kubectl is installed: the base was read as `resources:` only")
        else:
            tool, real = rendered
            same = sorted(map(key, real)) == sorted(map(key, objects)) and all(
                next(o for o in objects if key(o) == key(r)) == r for r in real)
            check(same, f"`{tool}` renders the same {len(real)} objects")
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        check(False, f"kustomize: {error}")

    validate_objects(objects, "")

    by_kind = {}
    for resource in objects:
        by_kind.setdefault(resource["kind"], []).append(resource)
    kinds = ["ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]
    if not check(all(len(by_kind.get(kind, [])) == 1 for kind in kinds),
                 f"one each of {', '.join(kinds)} (found {', '.join(f'{k} ×{len(v)}' for k, v in by_kind.items())})"):
        finish()
    configmap, deployment, service, autoscaler, budget = (by_kind[kind][0] for kind in kinds)
    pod = deployment["spec"]["template"]["spec"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    containers = pod["containers"]
    if not check(len(containers) == 1, f"the pod runs one container ({len(containers)})"):
        finish()
    container = containers[0]
    args = container.get("args", [])
    flags = flag_values(args)
    image = image_facts()

    # Replicas, selectors, scaling, disruptions.
    check(deployment["spec"].get("replicas") == 2, f"Deployment: 2 replicas ({deployment['spec'].get('replicas')})")
    selects = lambda selector: bool(selector) and all(labels.get(k) == v for k, v in selector.items())  # noqa: E731
    check(selects(deployment["spec"]["selector"]["matchLabels"]), "the Deployment's selector matches its pods' labels")
    check(selects(service["spec"]["selector"]), "the Service selects the Deployment's pods")
    check(budget["spec"]["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"],
          f"the PodDisruptionBudget covers the Deployment's pods (maxUnavailable {budget['spec'].get('maxUnavailable')}, "
          f"minAvailable {budget['spec'].get('minAvailable')})")
    target = autoscaler["spec"]["scaleTargetRef"]
    metrics = autoscaler["spec"].get("metrics", [])
    check(target == {"apiVersion": "apps/v1", "kind": "Deployment", "name": deployment["metadata"]["name"]}
          and any(m.get("type") == "Resource" and m["resource"]["name"] == "cpu" for m in metrics)
          and autoscaler["spec"].get("minReplicas") == deployment["spec"].get("replicas")
          <= autoscaler["spec"]["maxReplicas"],
          f"the HorizontalPodAutoscaler scales the Deployment on CPU, from its {deployment['spec'].get('replicas')} "
          f"replicas up to {autoscaler['spec']['maxReplicas']}")

    # Security.
    pod_security = pod.get("securityContext", {})
    security = container.get("securityContext", {})
    check(pod.get("automountServiceAccountToken") is False, "no service-account token is mounted")
    check(pod_security.get("runAsNonRoot") is True and pod_security.get("runAsUser") == image["uid"]
          and pod_security.get("runAsGroup") == image["gid"],
          f"runs as non-root uid/gid {pod_security.get('runAsUser')}/{pod_security.get('runAsGroup')}, "
          f"the image's USER {image['uid']}:{image['gid']}")
    seccomp = (security.get("seccompProfile") or pod_security.get("seccompProfile") or {}).get("type")
    check(seccomp == "RuntimeDefault", f"seccomp profile RuntimeDefault ({seccomp})")
    check(security.get("allowPrivilegeEscalation") is False and security.get("privileged") in (None, False),
          "no privilege escalation, not privileged")
    check(security.get("readOnlyRootFilesystem") is True, "read-only root filesystem")
    capabilities = security.get("capabilities", {})
    check(capabilities.get("drop") == ["ALL"] and not capabilities.get("add"),
          f"all capabilities dropped, none added ({capabilities})")

    # Agreement with the image and the binary.
    check(container.get("command") in (None, image["entrypoint"]),
          f"the image's ENTRYPOINT {image['entrypoint']} runs (command: {container.get('command')})")
    check(args[:1] == image["cmd"][:1], f"args run the image CMD's subcommand {image['cmd'][:1]} ({args[:1]})")
    known = serve_flags(binary)
    unknown = [a for a in args if a.startswith("--") and a not in known]
    check(bool(known) and not unknown, f"every flag in args is one `attributed serve --help` lists"
          + (f"; unknown: {unknown}" if unknown else f" ({len(flags)} flags)"))
    check(flags.get("--host") in ("0.0.0.0", "::"), f"--host {flags.get('--host')}: reachable on the pod's address")
    container_ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
    port = int(flags.get("--port", image["cmd"][image["cmd"].index("--port") + 1]))
    check(container_ports.get("http") == port and port in image["ports"],
          f"--port {port} = containerPort http {container_ports.get('http')} = the image's EXPOSE {image['ports']}")
    resolve = lambda p: container_ports.get(p) if isinstance(p, str) else p  # noqa: E731
    check(resolve(service["spec"]["ports"][0]["targetPort"]) == port,
          f"the Service's port {service['spec']['ports'][0]['port']} forwards to {port}")
    probes = {name: container.get(name + "Probe", {}).get("httpGet", {}) for name in ("startup", "liveness", "readiness")}
    expected = {"startup": "/readyz", "liveness": "/healthz", "readiness": "/readyz"}
    for name, probe in probes.items():
        check(probe.get("path") == expected[name] and resolve(probe.get("port")) == port,
              f"{name} probe: GET {probe.get('path')} on port {resolve(probe.get('port'))} "
              f"(expected {expected[name]} on {port})")
    check(image["healthcheck_path"] == probes["liveness"].get("path"),
          f"the Dockerfile's HEALTHCHECK ({image['healthcheck_path']}) and the liveness probe use the same path")
    startup = container.get("startupProbe", {})
    budget_seconds = startup.get("failureThreshold", 3) * startup.get("periodSeconds", 10)
    check(budget_seconds >= 60, f"the startup probe allows {budget_seconds} s for loading (at least 60)")
    pre_stop = container.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
    sleep = int(pre_stop[1]) if pre_stop[:1] == ["/bin/sleep"] else 0
    drain = float(flags.get("--drain-timeout", DRAIN_TIMEOUT_DEFAULT))
    grace = pod.get("terminationGracePeriodSeconds", 30)
    check(grace >= sleep + drain + 5, f"terminationGracePeriodSeconds {grace} ≥ preStop sleep {sleep} s + "
          f"--drain-timeout {drain:g} s + 5 s")
    resources = container.get("resources", {})
    requests, limits = resources.get("requests", {}), resources.get("limits", {})
    complete = all(k in requests and k in limits for k in ("cpu", "memory"))
    check(complete and all(quantity(limits[k]) >= quantity(requests[k]) for k in ("cpu", "memory")),
          f"CPU and memory requested and limited, limits ≥ requests ({requests}, {limits})")
    if complete:
        check(int(flags.get("--threads", 0)) == quantity(limits["cpu"]),
              f"--threads {flags.get('--threads')} = the CPU limit {limits['cpu']} (one epoll worker per core)")
    annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
    check(annotations.get("prometheus.io/scrape") == "true" and annotations.get("prometheus.io/port") == str(port),
          f"Prometheus scrape annotation on port {annotations.get('prometheus.io/port')}, "
          f"path {annotations.get('prometheus.io/path')}")
    mounts = [m for m in container.get("volumeMounts", []) if flags.get("--data", "").startswith(m["mountPath"])]
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    mounted = mounts and volumes.get(mounts[0]["name"], {}).get("configMap", {}).get("name")
    check(bool(mounts) and mounts[0].get("readOnly") is True and mounted == configmap["metadata"]["name"],
          f"--data {flags.get('--data')} is the ConfigMap {mounted}, mounted read-only")

    live(binary, args, flags, configmap, probes, annotations.get("prometheus.io/path"), grace, image["uid"])
    writable(binary, image)
    finish()


def live(binary, args, flags, configmap, probes, metrics_path, grace, uid):
    """The built binary started with the Deployment's args (host, port and the mount path moved onto this machine),
    the ConfigMap laid out as the kubelet does, as the image's uid when run as root."""
    scratch = tempfile.mkdtemp(prefix="attributed-kubernetes-check.")
    server = None
    try:
        os.chmod(scratch, 0o755)
        app, data = os.path.join(scratch, "app"), os.path.join(scratch, "data")
        os.makedirs(app)
        os.makedirs(data)
        shutil.copy2(binary, os.path.join(app, "attributed"))
        shutil.copytree(os.path.join(os.path.dirname(binary), BUNDLE), os.path.join(app, BUNDLE))
        project_configmap(configmap, data, "2026_01_01_00_00_00.000000001")
        subprocess.run(["chmod", "-R", "go+rX", scratch], check=True)
        as_user = []
        if os.geteuid() == 0 and shutil.which("setpriv"):
            as_user = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        executable = os.path.join(app, "attributed")

        validated = subprocess.run(as_user + [executable, "validate", data], capture_output=True, text=True, timeout=60)
        report = (validated.stdout + validated.stderr).strip().splitlines()
        check(validated.returncode == 0, f"`attributed validate` on the ConfigMap's dataset, mounted as the kubelet "
              f"does (symlinks through ..data): {report[-1] if report else validated.returncode}")

        port = free_port()
        replaced = {"--host": "127.0.0.1", "--port": str(port), "--data": data}
        command = args[:1] + [replaced.get(args[i - 1], args[i]) for i in range(1, len(args))]
        log = open(os.path.join(scratch, "server.log"), "w+")
        server = subprocess.Popen(as_user + [executable] + command, stdout=log, stderr=subprocess.STDOUT, cwd="/")
        tail = lambda: open(log.name).read().strip().splitlines()[-3:]  # noqa: E731
        print(f"started: attributed {' '.join(command)}" + (f" as uid {uid}" if as_user else ""), flush=True)

        ready = wait_for(lambda: server.poll() is not None or get(port, probes["startup"]["path"])[0] == 200, 30)
        ready = ready and server.poll() is None
        for name, probe in probes.items():
            status, _ = get(port, probe["path"])
            check(status == 200, f"{name} probe GET {probe['path']}: {status or 'no answer'}"
                  + ("" if status == 200 else f"; log: {tail()}"))
        if ready:
            served = json.loads(get(port, "/readyz")[1])["dataset"]["version"]
            check(f"version {served})" in validated.stdout, f"/readyz serves the ConfigMap's dataset (version {served})")

            # A ConfigMap update swaps ..data; SIGHUP (or --watch, or a rollout restart) loads the new version.
            changed = dict(configmap, data={k: v.replace('"notes": "', '"notes": "Updated. ', 1)
                                            for k, v in configmap["data"].items()})
            project_configmap(changed, data, "2026_01_01_00_00_01.000000001")
            subprocess.run(["chmod", "-R", "go+rX", data], check=True)
            server.send_signal(signal.SIGHUP)
            swapped = wait_for(lambda: json.loads(get(port, "/readyz")[1] or b"{}").get("dataset", {})
                               .get("version") not in (None, served), 10)
            check(swapped, "after a ConfigMap update (..data swapped) and SIGHUP, a new version is served")

            status, body = get(port, metrics_path)
            check(status == 200 and b"attributed_dataset_info{" in (body or b""),
                  f"the Prometheus scrape path GET {metrics_path}: {status or 'no answer'}, with the dataset's info")

        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=grace)
            check(code == 0, f"SIGTERM: exit code {code} within the grace period of {grace} s (log: {tail()[-1:]})")
        except subprocess.TimeoutExpired:
            check(False, f"SIGTERM: still running after the grace period of {grace} s")
    finally:
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


# --- The writable overlay -------------------------------------------------------------------------------------------

def writable(binary, image):
    """deploy/kubernetes-writable: rendered by kustomize (it patches, so this reader cannot), validated, checked to be
    one writer of a ReadWriteOnce volume, and its init container and args run here: the volume is seeded once, a
    write made with a token from the Secret's path is kept across a restart."""
    rendered = kustomize_render(WRITABLE)
    if rendered is None:
        skip("neither kustomize nor kubectl is installed: the writable overlay was not rendered")
        return
    objects = rendered[1]
    validate_objects(objects, "writable ")
    kinds = sorted(o["kind"] for o in objects)
    check("HorizontalPodAutoscaler" not in kinds and kinds.count("PersistentVolumeClaim") == 1,
          f"writable: no autoscaler, one PersistentVolumeClaim ({', '.join(kinds)})")
    deployment = next(o for o in objects if o["kind"] == "Deployment")
    claim = next(o for o in objects if o["kind"] == "PersistentVolumeClaim")
    configmap = next(o for o in objects if o["kind"] == "ConfigMap")
    spec, pod = deployment["spec"], deployment["spec"]["template"]["spec"]
    check(spec.get("replicas") == 1 and spec.get("strategy") == {"type": "Recreate"},
          f"writable: one replica, replaced with Recreate, never two writers ({spec.get('replicas')}, {spec.get('strategy')})")
    check(claim["spec"]["accessModes"] == ["ReadWriteOnce"], f"writable: the claim is ReadWriteOnce ({claim['spec']['accessModes']})")
    container = pod["containers"][0]
    args = container["args"]
    flags = flag_values(args)
    volumes = {v["name"]: v for v in pod["volumes"]}
    mount_of = lambda c, path: next((m for m in c.get("volumeMounts", []) if path.startswith(m["mountPath"])), None)  # noqa: E731
    data_mount = mount_of(container, flags.get("--data", ""))
    check(data_mount is not None and not data_mount.get("readOnly")
          and volumes[data_mount["name"]].get("persistentVolumeClaim", {}).get("claimName") == claim["metadata"]["name"]
          and "configMap" not in volumes[data_mount["name"]],
          f"writable: --data {flags.get('--data')} is the claim {claim['metadata']['name']}, mounted read-write")
    tokens_mount = mount_of(container, flags.get("--tokens", ""))
    check(tokens_mount is not None and tokens_mount.get("readOnly") is True
          and "secret" in volumes[tokens_mount["name"]],
          f"writable: --tokens {flags.get('--tokens')} is a Secret's file, mounted read-only")
    check(pod.get("securityContext", {}).get("fsGroup") == image["gid"],
          f"writable: fsGroup {pod.get('securityContext', {}).get('fsGroup')}, the image's group, can write the volume")
    known = serve_flags(binary)
    check(all(a in known for a in args if a.startswith("--")), "writable: every flag in args is one `serve --help` lists")
    init = pod["initContainers"][0]
    seed_mount = next(m for m in init["volumeMounts"] if m["name"] != data_mount["name"])

    scratch = tempfile.mkdtemp(prefix="attributed-kubernetes-writable.")
    server = None
    try:
        data, seed = os.path.join(scratch, "data"), os.path.join(scratch, "seed")
        os.makedirs(data)
        os.makedirs(seed)
        project_configmap(configmap, seed, "2026_01_01_00_00_00.000000001")
        # The init container's script, its mount paths moved onto this machine.
        script = init["command"][-1].replace(data_mount["mountPath"], data).replace(seed_mount["mountPath"], seed)
        subprocess.run(init["command"][:-1] + [script], check=True, timeout=30)
        seeded = sorted(os.listdir(data))
        check(seeded == sorted(configmap["data"]) and not any(os.path.islink(os.path.join(data, n)) for n in seeded),
              f"writable: the init container copies the example dataset onto an empty volume ({seeded})")
        tokens = os.path.join(scratch, "tokens.json")
        secret = subprocess.run([binary, "token", "create", "kubernetes-check", "--scope", "write", "--tokens", tokens],
                                capture_output=True, text=True, check=True, timeout=30).stdout.strip()
        replaced = {"--host": "127.0.0.1", "--data": data, "--tokens": tokens}
        article = {"format": "attributed-dataset/1", "articles": [
            {"id": "written-in-a-pod", "headline": "Written in a pod", "publisher": "the-gazette", "body": "Nothing."}]}
        statuses = []
        for attempt in range(2):
            port = free_port()
            replaced["--port"] = str(port)
            command = args[:1] + [replaced.get(args[i - 1], args[i]) for i in range(1, len(args))]
            server = subprocess.Popen([binary] + command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_for(lambda: server.poll() is not None or get(port, "/readyz")[0] == 200, 30)
            if attempt == 0:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/v1/articles/written-in-a-pod", method="PUT", data=json.dumps(article).encode(),
                    headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json", "If-None-Match": "*"})
                try:
                    with urllib.request.urlopen(request, timeout=10) as response:
                        statuses.append(response.status)
                except urllib.error.HTTPError as error:
                    statuses.append(error.code)
            statuses.append(get(port, "/v1/articles/written-in-a-pod")[0])
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            server = None
            if attempt == 0:
                before = os.stat(os.path.join(data, seeded[0]))
                subprocess.run(init["command"][:-1] + [script], check=True, timeout=30)  # the next pod's init
                after = os.stat(os.path.join(data, seeded[0]))
                check((before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns),
                      "writable: the init container leaves a volume that holds data as it is")
        check(statuses == [201, 200, 200], f"writable: PUT with the Secret's token, then GET, then GET after a restart "
              f"and the init container again ({statuses}): the write is kept")
    finally:
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.access(sys.argv[1], os.X_OK):
        print("usage: manifest_checks.py PATH_TO_BUILT_ATTRIBUTED_BINARY")
        check(False, "no binary given")
        finish()
    main(os.path.abspath(sys.argv[1]))
