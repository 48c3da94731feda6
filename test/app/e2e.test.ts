import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleRepository, PRIVATE_KEY } from './support/app.js';
import { GitHubServer } from './support/http-github.js';
import { commentPayload } from './support/payloads.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'test-webhook-secret';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `check` holds, polling; rejects with the process output after `limit` ms. */
async function until(check: () => boolean, output: () => string, limit = 30_000): Promise<void> {
  const deadline = Date.now() + limit;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; app errors:\n${errors(output())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The error lines of Probot's JSON log, without the payloads it attaches. */
function errors(output: string): string {
  return output
    .split('\n')
    .filter((line) => line.includes('"level":50'))
    .map((line) => {
      const entry = JSON.parse(line) as { msg?: string; err?: { stack?: string } };
      return `${entry.msg ?? ''}\n${entry.err?.stack ?? ''}`;
    })
    .join('\n');
}

const running: ChildProcess[] = [];
const servers: GitHubServer[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
  for (const server of servers.splice(0)) await server.close();
});

describe('the App as `npm start` runs it', () => {
  it('verifies the signature of a webhook POST and answers /mesh explain for the example mesh', async () => {
    const { state, base, head } = exampleRepository();
    const github = new GitHubServer(state, '/api/v3');
    servers.push(github);
    const host = await github.listen();
    const port = await freePort();
    let output = '';
    // `npm start` runs `node dist/app.js`; the same command, with the environment docs/app.md lists.
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'app.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        APP_ID: '123456',
        PRIVATE_KEY,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        GHE_HOST: host,
        GHE_PROTOCOL: 'http',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
    });
    running.push(child);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await until(
      () => output.includes('Listening on'),
      () => output,
    );
    // The health check the Dockerfile uses.
    const ping = await fetch(`http://127.0.0.1:${port}/ping`);
    expect(await ping.text()).toBe('PONG');

    const body = JSON.stringify(
      commentPayload({
        body: '/mesh explain istio-ingress/ingressgateway -> shop/frontend:8080',
        commenter: 'alice',
        author: 'alice',
      }),
    );
    const post = (signature: string) =>
      fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issue_comment',
          'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
          'x-hub-signature-256': signature,
        },
        body,
      });
    // A wrong signature is refused before anything runs.
    const forged = await post(
      `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`,
    );
    expect(forged.status).toBe(400);
    expect(state.calls).toEqual([]);

    const signed = await post(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(signed.status, errors(output)).toBe(200);
    await until(
      () => state.reactions.some((r) => r.content === '+1'),
      () => output,
    );

    expect(state.calls[0]).toMatchObject({
      method: 'POST',
      path: '/app/installations/4711/access_tokens',
    });
    const [reply] = state.comments;
    expect(reply?.body).toContain(
      '| 8080 | **allowed for some requests: GET, POST** (mTLS) | **denied** (mTLS) |',
    );
    expect(reply?.body).toContain(
      `decided by ALLOW AuthorizationPolicy shop/frontend rule 0 ([shop/authorization.yaml:13](https://github.com/octo-org/mesh-config/blob/${base}/shop/authorization.yaml#L13))`,
    );
    expect(reply?.body).toContain(
      `ALLOW policy AuthorizationPolicy istio-system/allow-nothing matched nothing ([istio-system/zero-trust-defaults.yaml:12](https://github.com/octo-org/mesh-config/blob/${head}/istio-system/zero-trust-defaults.yaml#L12))`,
    );
    expect(state.reactions.map((r) => r.content)).toEqual(['eyes', '+1']);
  });
});
