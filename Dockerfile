# syntax=docker/dockerfile:1

# One image recipe for every Node service in the monorepo. The service is chosen at build time:
#
#   docker build --build-arg SERVICE=catalog --build-arg PORT=4001 -t play-economy/catalog .
#   docker build --build-arg SERVICE=router  --build-arg PORT=4000 -t play-economy/router .
#
# SERVICE is `router` or the name of a folder under subgraphs/; PORT is the port the service
# listens on by default (its <SERVICE>_PORT variable still decides at run time). There is no
# compile step: the TypeScript sources run under tsx, exactly as in development. The one thing
# built is the web store (Vite), which the router's image serves at its origin.

# Node 24 is the active LTS and the target; the sources also run on Node 22 (see README).
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app

# ---- manifests: the package.json of every workspace, and nothing else --------------------------
# Installing dependencies needs only the manifests and the lockfile. Collecting them in their own
# stage keeps the install layers below cached across source edits.
FROM base AS manifests
COPY packages ./packages
COPY subgraphs ./subgraphs
COPY router ./router
# The stack that boots every service for npm start and the tests is a workspace too (npm ci needs
# every one); no service imports it, so no image carries its sources.
COPY stack ./stack
# The web store is a workspace too; its dependencies are all build-time (devDependencies), so no
# service image installs them: only the web-build stage does.
COPY web ./web
RUN mkdir -p /manifests \
 && find packages subgraphs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests \; \
 && cp --parents router/package.json stack/package.json web/package.json /manifests

# ---- prod-deps: production dependencies only, the lockfile honoured exactly ------------------
# tsx (which runs the TypeScript sources) and the tsconfig base it reads are root dependencies.
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

# ---- web-build: the web store, built by Vite ---------------------------------------------------
# Only the web workspace's own (development) dependencies are installed, for the build; none of
# them ships. Its tsconfig.json extends @tsconfig/strictest, which it lists for that reason.
FROM base AS web-build
COPY package.json package-lock.json ./
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace web --no-audit --no-fund
COPY web ./web
RUN npm run build -w web

# ---- source: the installed tree and the workspaces the selected service runs on ----------------
# Those are the service's own and, transitively, those its package.json lists in `dependencies`:
# the chassis, and the subgraphs whose message contracts it imports
# (`@play-economy/<owner>/messages`), as docker/runtimeWorkspaces.mjs lists them. No other service.
# Built on the install, so the image keeps the whole tree npm ci laid out from the lockfile: the
# root node_modules and the nested ones of the workspaces (the chassis has its own versions of
# some OpenTelemetry packages), exactly what the tests ran against. The sources copied next carry
# no node_modules (.dockerignore), so they add to the tree without replacing any of it.
FROM prod-deps AS source
ARG SERVICE
ARG PORT
COPY tsconfig.json ./
COPY packages ./packages
COPY subgraphs ./subgraphs
COPY router ./router
COPY schema ./schema
# The router serves the built store (ROUTER_SITE_DIRECTORY) and resolves the ids the store sends
# from its trusted-documents manifest (ROUTER_TRUSTED_DOCUMENTS_PATH), as `npm start` does.
COPY --from=web-build /app/web/dist ./web/dist
COPY web/src/gql/persisted-documents.json ./web/src/gql/persisted-documents.json
# Workspace layout: the router lives in router/, every subgraph in subgraphs/<name>/.
# `service` links to the selected workspace so that CMD needs no shell; Node follows the link to
# the real path of the entry point before loading it.
RUN --mount=type=bind,source=docker/runtimeWorkspaces.mjs,target=/tmp/runtimeWorkspaces.mjs <<'EOF'
set -eu
if [ -z "${SERVICE:-}" ]; then
  echo 'Build arg SERVICE is required: router or the name of a folder under subgraphs/.' >&2
  exit 1
fi
if [ -z "${PORT:-}" ]; then
  echo 'Build arg PORT is required: the port the service listens on by default.' >&2
  exit 1
fi
case "$SERVICE" in
  router) dir=router ;;
  *) dir="subgraphs/$SERVICE" ;;
esac
if [ ! -f "$dir/src/main.ts" ]; then
  echo "No service '$SERVICE': $dir/src/main.ts does not exist." >&2
  exit 1
fi
needed=$(node /tmp/runtimeWorkspaces.mjs "$dir")
for other in router subgraphs/*; do
  if ! printf '%s\n' "$needed" | grep -qx "$other"; then rm -rf "$other"; fi
done
# The store is the router's to serve; no other image carries it.
if [ "$SERVICE" != router ]; then rm -rf web/dist web/src; fi
ln -s "$dir" service
EOF

# ---- runtime -----------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG SERVICE
ARG PORT
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    DEFAULT_PORT=${PORT} \
    OTEL_SERVICE_NAME=${SERVICE}
WORKDIR /app
# Owned by root and read-only to the service user: the process cannot rewrite its own code.
# One copy of the whole of /app: sources and the installed tree, nested node_modules included.
COPY --from=source /app ./
COPY docker/healthcheck.mjs ./docker/healthcheck.mjs
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "docker/healthcheck.mjs"]
# node receives SIGTERM itself (compose's init forwards it), so the service's graceful shutdown
# runs on `docker stop`; `--import tsx` loads TypeScript in the same process, without a wrapper
# process, and the telemetry register file starts OpenTelemetry before the service's first import.
# The V8 flag is the chassis' SERVICE_NODE_FLAGS (why: packages/chassis/src/service/serviceNodeFlags.ts).
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "--import", "@play-economy/chassis/telemetry/register", "service/src/main.ts"]
