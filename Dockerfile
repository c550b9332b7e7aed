# syntax=docker/dockerfile:1
#
# attributed: the v1 read API on libmicrohttpd, as a small non-root image.
#
#   docker build -t attributed .
#   docker run --rm -p 8080:8080 attributed                 # serves the built-in seed dataset
#   docker run --rm -p 8080:8080 -v "$PWD/data:/data:ro" attributed \
#       serve --host 0.0.0.0 --port 8080 --data /data        # serves your own dataset (file or directory)
#
# Arguments given to `docker run` replace CMD as a whole, so keep `--host 0.0.0.0` when overriding it.
# `docker kill -s HUP <container>` reloads the dataset; `docker stop` sends SIGTERM, which the server handles
# itself (drains running requests for up to --drain-timeout seconds, then exits 0).
#
# Tests/Docker/check.sh checks this file, the binary's shared libraries and the runtime layout without an engine.

# ---------------------------------------------------------------------------------------------------------------
# Builder: the official Swift 6.3 toolchain image on Debian 12 (bookworm), the same Debian as the runtime stage.
FROM swift:6.3-bookworm AS builder

# libmicrohttpd's, zlib's and libcrypto's (OpenSSL 3) headers and pkg-config files: the CMicroHTTPD, CZlib and
# CCrypto system-library targets find them through pkg-config, named here too because --no-install-recommends would
# not bring it if the image ever stopped shipping it.
# Versions are not pinned (hadolint DL3008): bookworm's security updates replace the pinned ones in the archive.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd-dev zlib1g-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Dependencies in their own layer: it is rebuilt only when Package.swift changes.
# (Package.resolved is not committed, so the newest versions that Package.swift allows are resolved here.)
COPY Package.swift ./
RUN swift package resolve

# Everything the build reads: openapi.yaml at the root (the BundleOpenAPISpecification build plugin copies it into
# AttributedCore's resource bundle), the plugin, the sources, and Tests/ (SwiftPM refuses to load a package whose
# declared test targets have no directory, even when it builds no test).
COPY openapi.yaml ./
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Tests ./Tests

# --static-swift-stdlib links the Swift runtime and Foundation into the binary: it then needs only libmicrohttpd,
# libz, libcrypto, libc, libm, libstdc++ and libgcc_s at run time, and no libswift*.so.
# The binary looks for its resource bundle (the seed dataset, openapi.yaml, the explorer's stylesheet and script)
# next to itself, so both go to /staging together, and the runtime stage copies that folder as it is.
RUN swift build -c release --static-swift-stdlib \
 && mkdir -p /staging \
 && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
 && cp "$bin/attributed" /staging/ \
 && cp -R "$bin/attributed_AttributedCore.resources" /staging/

# ---------------------------------------------------------------------------------------------------------------
# Runtime: Debian 12 slim. libmicrohttpd12 brings libgnutls30 and its libraries; libssl3 brings libcrypto.so.3 (API
# token hashes); zlib1g (libz, for gzip) is in the base image already, and named because the binary links it itself;
# libc6, libgcc-s1 and libstdc++6 are already in the base image. No curl: the healthcheck below uses bash, which the
# base image has.
FROM debian:bookworm-slim AS runtime

# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd12 libssl3 zlib1g \
 && rm -rf /var/lib/apt/lists/*

# A fixed, non-root uid/gid so that files on mounted volumes can be given to it (e.g. chown 10001 on the host).
RUN groupadd --gid 10001 attributed \
 && useradd --uid 10001 --gid attributed --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin attributed

WORKDIR /app

# The binary and its resource bundle side by side, owned by root so that the server cannot change them.
COPY --from=builder /staging/ /app/

USER 10001:10001

EXPOSE 8080

# The server drains and exits 0 on SIGTERM; it receives it directly because the exec-form ENTRYPOINT makes it PID 1.
STOPSIGNAL SIGTERM

# GET http://127.0.0.1:8080/healthz over bash's /dev/tcp, healthy on a 200 status line. This avoids installing curl
# (and libcurl's dozen libraries) only for the probe; if curl is preferred, add it to the apt-get line above with
# --no-install-recommends and use: CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"].
# The probe uses port 8080, the CMD's port: keep them in step when overriding --port.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == HTTP/1.[01]' 200 '* ]]"]

ENTRYPOINT ["/app/attributed"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
