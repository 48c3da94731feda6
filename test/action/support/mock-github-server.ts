/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies are JSON as GitHub receives it */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: any;
  /** Milliseconds since the server started (for the start-up benchmark). */
  readonly at: number;
}

export interface MockGitHubOptions {
  readonly owner: string;
  readonly repo: string;
  /** Head SHA of each pull request, for `GET /pulls/{n}`. */
  readonly pulls?: Readonly<Record<number, string>>;
  /** Answer 403 to writes, as GitHub does to a fork's read-only token. */
  readonly readOnly?: boolean;
}

/**
 * A local stand-in for the GitHub REST API, for running dist/index.js as a process
 * (`GITHUB_API_URL=http://127.0.0.1:<port>`). It keeps check runs and comments in memory and
 * records every request.
 */
export class MockGitHubServer {
  readonly requests: RecordedRequest[] = [];
  readonly comments: {
    id: number;
    body: string;
    user: { login: string; type: string };
    html_url: string;
  }[] = [];
  readonly checkRuns = new Map<number, any>();
  private readonly server: Server;
  private readonly started = performance.now();
  private nextId = 1;
  private firstRequest: (() => void) | null = null;

  constructor(private readonly options: MockGitHubOptions) {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves at the first request received. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => (this.firstRequest = resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    this.requests.push({
      method,
      path,
      body: text === '' ? null : JSON.parse(text),
      at: performance.now() - this.started,
    });
    this.firstRequest?.();
    this.firstRequest = null;
    const [status, data] = this.route(
      method,
      path.split('?')[0] ?? '',
      text === '' ? null : JSON.parse(text),
    );
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(status === 204 ? '' : JSON.stringify(data));
  }

  private route(method: string, path: string, body: any): [number, unknown] {
    const base = `/repos/${this.options.owner}/${this.options.repo}`;
    const rest = path.startsWith(base) ? path.slice(base.length) : '';
    const web = `https://github.com/${this.options.owner}/${this.options.repo}`;
    if (this.options.readOnly === true && method !== 'GET') {
      return [403, { message: 'Resource not accessible by integration' }];
    }
    let m: RegExpExecArray | null;
    if (method === 'POST' && rest === '/check-runs') {
      const run = {
        ...body,
        id: this.nextId++,
        html_url: '',
        annotations: body.output?.annotations ?? [],
      };
      run.html_url = `${web}/runs/${run.id}`;
      this.checkRuns.set(run.id, run);
      return [201, run];
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.get(Number(m[1]));
      Object.assign(run, {
        ...body,
        annotations: [...run.annotations, ...(body.output?.annotations ?? [])],
      });
      return [200, run];
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const sha = this.options.pulls?.[Number(m[1])];
      return sha === undefined
        ? [404, { message: 'Not Found' }]
        : [200, { number: Number(m[1]), head: { sha } }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      if (method === 'GET') return [200, this.comments];
      if (method === 'POST') {
        const id = this.nextId++;
        const comment = {
          id,
          body: body.body,
          user: { login: 'github-actions[bot]', type: 'Bot' },
          html_url: `${web}/pull/${m[1]}#issuecomment-${id}`,
        };
        this.comments.push(comment);
        return [201, comment];
      }
    }
    if (method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) return [404, { message: 'Not Found' }];
      comment.body = body.body;
      return [200, comment];
    }
    return [404, { message: `the mock has no route for ${method} ${path}` }];
  }
}
