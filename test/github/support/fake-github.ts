/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies and stored objects are JSON as GitHub holds it */
import nock from 'nock';
import { API } from './client.js';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: any;
  readonly status: number;
}

interface Failure {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly message: string | null;
  times: number;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

type Reply = [number, unknown, Record<string, string>?];

const ROUTES: readonly (readonly [string, RegExp])[] = [
  ['POST', /^\/check-runs$/],
  ['PATCH', /^\/check-runs\/\d+$/],
  ['GET', /^\/pulls\/\d+$/],
  ['GET', /^\/issues\/\d+\/comments$/],
  ['POST', /^\/issues\/\d+\/comments$/],
  ['PATCH', /^\/issues\/comments\/\d+$/],
  ['DELETE', /^\/issues\/comments\/\d+$/],
];

/**
 * A small stateful GitHub behind nock: check runs, issue comments (paginated as GitHub does,
 * with `Link` headers) and pull requests. Tests set state, inject failures, run the code, and
 * assert on the recorded requests and on the state left behind. Other routes are left to the
 * test's own nock interceptors; with none, the request fails (no network in tests).
 */
export class FakeGitHub {
  readonly calls: Call[] = [];
  readonly checkRuns = new Map<number, any>();
  readonly comments: FakeComment[] = [];
  readonly pulls = new Map<number, { headSha: string }>();
  /** Page size the fake uses for comment lists, whatever `per_page` asks: tests pagination. */
  commentPageSize = 100;
  /** Runs before a comment is created: lets a test simulate a concurrent run. */
  beforeCommentCreate: (() => void) | null = null;
  /** Who the token writes comments as: the workflow token's bot unless a test says otherwise. */
  commentAuthor: FakeComment['user'] = { login: 'github-actions[bot]', type: 'Bot' };
  private readonly failures: Failure[] = [];
  private nextCheckRun = 1;
  private nextComment = 1000;

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
      nock(API)
        .persist()
        .intercept((uri) => this.knows(method, uri), method)
        .optionally()
        .reply((uri, body) => this.handle(method, uri, body));
    }
  }

  /** The next `times` requests matching `method` and `path` fail with `status`. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    options: { headers?: Record<string, string>; times?: number; message?: string } = {},
  ): void {
    this.failures.push({
      method,
      path,
      status,
      headers: options.headers ?? {},
      message: options.message ?? null,
      times: options.times ?? 1,
    });
  }

  addComment(
    body: string,
    user: FakeComment['user'] = { login: 'github-actions[bot]', type: 'Bot' },
  ): FakeComment {
    const comment = { id: this.nextComment++, body, user, html_url: '' };
    comment.html_url = `https://github.com/${this.owner}/${this.repo}/pull/1#issuecomment-${comment.id}`;
    this.comments.push(comment);
    return comment;
  }

  /** `METHOD path` of every request, query string dropped. */
  routes(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path.split('?')[0]}`);
  }

  bodies(method: string, path: RegExp): any[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path)).map((c) => c.body);
  }

  private knows(method: string, uri: string): boolean {
    const path = uri.split('?')[0] ?? '';
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(base)) return false;
    const rest = path.slice(base.length);
    return ROUTES.some(([m, pattern]) => m === method && pattern.test(rest));
  }

  private handle(method: string, uri: string, raw: unknown): Reply {
    const body = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : raw;
    const reply = this.failure(method, uri) ?? this.route(method, uri, body);
    this.calls.push({ method, path: uri, body, status: reply[0] });
    return reply;
  }

  private failure(method: string, uri: string): Reply | null {
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.path.test(uri),
    );
    if (failure === undefined) return null;
    failure.times--;
    const message =
      failure.message ??
      (failure.status === 403 ? 'Resource not accessible by integration' : 'Server Error');
    return [failure.status, { message }, failure.headers];
  }

  private route(method: string, uri: string, body: any): Reply {
    const [path = '', query = ''] = uri.split('?');
    const base = `/repos/${this.owner}/${this.repo}`;
    const rest = path.startsWith(base) ? path.slice(base.length) : null;
    const params = new URLSearchParams(query);
    let m: RegExpExecArray | null;
    if (rest === '/check-runs' && method === 'POST') {
      const id = this.nextCheckRun++;
      const run = {
        ...body,
        id,
        html_url: `https://github.com/${this.owner}/${this.repo}/runs/${id}`,
        annotations: body.output?.annotations ?? [],
      };
      this.checkRuns.set(id, run);
      return [201, run];
    }
    if (rest !== null && (m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const run = this.checkRuns.get(Number(m[1]));
      if (run === undefined) return [404, { message: 'Not Found' }];
      Object.assign(run, {
        ...body,
        annotations: [...run.annotations, ...(body.output?.annotations ?? [])],
      });
      return [200, run];
    }
    if (rest !== null && (m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = this.pulls.get(Number(m[1]));
      if (pull === undefined) return [404, { message: 'Not Found' }];
      return [
        200,
        {
          number: Number(m[1]),
          head: { sha: pull.headSha },
          base: { repo: { full_name: `${this.owner}/${this.repo}` } },
        },
      ];
    }
    if (rest !== null && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      if (method === 'GET') return this.listComments(path, Number(params.get('page') ?? '1'));
      if (method === 'POST') {
        this.beforeCommentCreate?.();
        return [201, this.addComment(body.body, this.commentAuthor)];
      }
    }
    if (rest !== null && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const index = this.comments.findIndex((c) => c.id === Number(m?.[1]));
      if (index < 0) return [404, { message: 'Not Found' }];
      if (method === 'PATCH') {
        (this.comments[index] as FakeComment).body = body.body;
        return [200, this.comments[index]];
      }
      if (method === 'DELETE') {
        this.comments.splice(index, 1);
        return [204, ''];
      }
    }
    throw new Error(`FakeGitHub claimed ${method} ${uri} but has no handler for it`);
  }

  private listComments(path: string, page: number): Reply {
    const size = this.commentPageSize;
    const items = this.comments.slice((page - 1) * size, page * size);
    const last = Math.max(1, Math.ceil(this.comments.length / size));
    const headers: Record<string, string> =
      page < last
        ? {
            link: `<${API}${path}?per_page=100&page=${page + 1}>; rel="next", <${API}${path}?per_page=100&page=${last}>; rel="last"`,
          }
        : {};
    return [200, items, headers];
  }
}
