# meshguard GitHub App. dist/app.js is one bundled file (Probot included, built by
# `npm run build` and committed), so the image needs no npm install and holds no dev tooling.
#   docker build -t meshguard-app .
#   docker run -p 3000:3000 -e APP_ID=... -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=... meshguard-app
FROM node:24-alpine

WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json

# package.json and app.yml: Probot's setup page reads the App's name and manifest from them.
COPY package.json app.yml ./
COPY dist/app.js dist/app.js

USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/app.js"]
