# Cử tri hỏi: the bot in a container. Build: docker build -t cu-tri-hoi .
# Production dependencies in one stage, the app in the next; runs as the unprivileged "node" user.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_DIR=/app/data/index \
    MODELS_DIR=/app/models \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY corpus ./corpus
COPY deploy/entrypoint.sh ./deploy/entrypoint.sh
# /shared is where compose mounts the index and corpus all replicas use; owned by "node" so a new volume is too.
RUN mkdir -p data models /shared && chown -R node:node data models /shared
USER node
# The index of the shipped corpus, built once here; a start with another corpus rebuilds it.
RUN node --import tsx src/cli/reindex.ts
VOLUME ["/app/models"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["node", "--import", "tsx", "src/cli/start.ts"]
