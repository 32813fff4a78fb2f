# The API only; Neo4j comes from docker-compose.yml (NEO4J_URI is always set in the container).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY schema ./schema
COPY web ./web
COPY examples ./examples
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY package.json ./
COPY schema ./schema
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# A 32 MB young generation semi-space (V8's default is 16): a nested page allocates a few MB
# that live for the whole request, and with the default nursery about one request in three met a
# scavenge that copied them (docs/performance.md). Same flag as `npm start` in package.json.
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
