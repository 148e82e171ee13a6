# Reel as a container: `docker build -t reel .`, then
#   docker run -p 8000:8000 -v reel-data:/data -e REEL_API_KEYS=admin:admin:$(openssl rand -hex 24) reel
# It listens on 0.0.0.0, so API keys are required (REEL_AUTH=auto); `serve` by default, or
# `work` (render workers only) and `migrate` (schema only) as the command.

# Build: the Swift 6.3 toolchain, a release binary with the Swift runtime linked in.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Plugins ./Plugins
COPY Studio ./Studio
COPY openapi.json ./
RUN swift build -c release --static-swift-stdlib --product reel \
    && install -D "$(swift build -c release --static-swift-stdlib --show-bin-path)/reel" /out/reel

# Run: Debian with only what Reel uses at run time — ffmpeg/ffprobe, the overlay font, SQLite,
# the C++ runtime and zlib the binary links, CA certificates for HTTPS sources and S3, curl for
# the health check.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ffmpeg fonts-dejavu-core libsqlite3-0 libstdc++6 zlib1g ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 reel \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin reel \
    && mkdir -p /data \
    && chown 10001:10001 /data
COPY --from=build /out/reel /usr/local/bin/reel
USER 10001:10001
WORKDIR /data
ENV REEL_HOST=0.0.0.0 \
    REEL_PORT=8000 \
    REEL_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8000/livez"]
ENTRYPOINT ["/usr/local/bin/reel"]
CMD ["serve"]
