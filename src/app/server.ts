import { run } from 'probot';
import { meshguardApp } from './app.js';
import { EnterpriseProbotOctokit } from './probot-octokit.js';

// `npm start`: Probot's server with the meshguard App. Probot reads APP_ID, PRIVATE_KEY (or
// PRIVATE_KEY_PATH), WEBHOOK_SECRET, PORT, HOST, GHE_HOST and LOG_LEVEL from the environment
// (docs/app.md lists them).
const appId = Number(process.env['APP_ID']);
await run(meshguardApp({ appId: Number.isSafeInteger(appId) && appId > 0 ? appId : null }), {
  Octokit: EnterpriseProbotOctokit,
});
