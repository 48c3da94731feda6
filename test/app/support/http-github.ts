import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GitHubState } from './github-state.js';

/**
 * Serves `state` over HTTP for code running in another process (`npm start`, dist/index.js).
 * `prefix` is the API root path: `/api/v3` for a GitHub Enterprise-style `GHE_HOST`.
 */
export class GitHubServer {
  private readonly server: Server;

  constructor(
    private readonly state: GitHubState,
    private readonly prefix = '',
  ) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const url = request.url ?? '/';
        const path = url.startsWith(this.prefix)
          ? url.slice(this.prefix.length)
          : `/outside-prefix${url}`;
        const [status, body, headers] = this.state.handle(
          request.method ?? 'GET',
          path,
          text === '' ? null : (JSON.parse(text) as unknown),
        );
        const raw = typeof body === 'string';
        response.writeHead(status, {
          'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
          ...headers,
        });
        response.end(status === 204 ? '' : raw ? body : JSON.stringify(body));
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
