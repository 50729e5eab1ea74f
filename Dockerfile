# Production image of the Docker-course coach bot.
#   docker build -t docker-coach .
#   docker run -d -v coach-data:/data --env-file .env --read-only --tmpfs /tmp docker-coach
# NODE_IMAGE must be a Debian bookworm image with Node 20 and a `node` user (uid 1000), like the
# official one; CI passes a stand-in built from Debian packages when Docker Hub is out of reach
# (.ci/node-base-image.sh).
ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies from the lockfile. better-sqlite3 is compiled here for the image's glibc
# when no prebuilt binary can be downloaded, so the toolchain stays in this stage.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Keyed on the lockfile alone: a package.json made from its root entry means that editing a script
# does not recompile the dependencies. Install scripts run for better-sqlite3 only (ssh2 and
# cpu-features have pure-JS fallbacks; building them would only cost time).
COPY package-lock.json ./
RUN node -e "const fs=require('fs');const root=require('./package-lock.json').packages[''];fs.writeFileSync('package.json',JSON.stringify(root))" \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && npm cache clean --force \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"

# The bot bundled into plain JavaScript by esbuild (a production dependency; the tests type-check),
# and the question bank parsed and validated once into its snapshot, so a container starts without a
# TypeScript loader and without parsing YAML on a read-only root file system.
FROM deps AS build
# The real package.json ("type": "module"), over the one made from the lockfile.
COPY package.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
COPY questions ./questions
RUN node scripts/build.mjs

FROM ${NODE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="docker-coach" \
      org.opencontainers.image.description="Discord bot that coaches learners of a Korean Docker course: reviews, quizzes, mock interviews and hands-on labs" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="UNLICENSED" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
# tini as PID 1 forwards SIGTERM to Node (which stops gracefully) and reaps zombies, with or without `--init`.
COPY --from=deps /usr/bin/tini-static /usr/local/bin/tini
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/node_modules/.cache/docker-coach ./node_modules/.cache/docker-coach
COPY package.json package-lock.json ./
COPY migrations ./migrations
COPY questions ./questions
COPY --from=build /app/dist ./dist
# The only writable places at run time: the data volume and a tmpfs on /tmp.
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production \
    DATABASE_PATH=/data/coach.db \
    BACKUP_DIR=/data/backups \
    HTTP_PORT=8080
VOLUME ["/data"]
USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/tini", "--"]
# The same node flags as `npm start` (a test holds them equal).
CMD ["node", "--max-semi-space-size=1", "--v8-pool-size=1", "dist/main.js"]
