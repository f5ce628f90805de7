# Library Help Bot: a production image (Node 20, non-root, health check).
#   docker build -t library-help-bot .
#   az acr build -r <registry> -t library-help-bot:1 .      (builds in Azure, no local Docker needed)
# Settings come from the environment (see deployment/azure/README.md); nothing secret is baked in.

# ---- build: every dependency, compile the TypeScript, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; these compile it when no prebuilt one fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# .npmrc has yes=true: botbuilder-dialogs' postinstall runs `npx rimraf`, which needs it without a TTY.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.json \
 && rm -rf dist/test dist/bench dist/.tsbuildinfo \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies, the compiled bot and the files it reads at run time ----
FROM node:20-bookworm-slim AS runtime
# Two malloc arenas and large blocks always mapped (so scrypt's 16 MB buffers go back to the system), a 256 MB old
# generation, 16 MB semi-spaces and one V8 helper thread, as `npm start` runs it and bench/load.ts measures it
# (test/deployment/startCommand.test.ts holds the two together).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    PORT=3978 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# Read at run time: the chat and staff pages, the recognizer's training corpus, the library configuration.
COPY --from=build --chown=root:root /app/web ./web
COPY --from=build --chown=root:root /app/recognizers/corpus ./recognizers/corpus
COPY --from=build --chown=root:root /app/config ./config
# The code is owned by root and read-only to the bot; only the data folder is writable (by `node`).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# Liveness only (/healthz); App Service's health check uses /readyz, which also checks storage.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (index.ts finishes turns in flight, then exits).
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=16", "--v8-pool-size=1", "--disable-warning=DEP0111", "dist/index.js"]
