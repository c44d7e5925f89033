# Keyhouse as a small container image, from Next.js's standalone output.
#   docker build -t keyhouse .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e AUTH_SECRET=... -e APP_URL=https://vault.example.com keyhouse
# Without DATABASE_URL it runs on the embedded database in /data (mount a volume there, and run one container).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 KEYHOUSE_STANDALONE=true
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 KEYHOUSE_DATA_DIR=/data
# A production image never fills an empty embedded database with the demo data.
ENV KEYHOUSE_SEED_DEMO=false
# The server, the node_modules it traced, the static files, and the migrations it applies at start.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
