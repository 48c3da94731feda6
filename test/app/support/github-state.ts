/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies and replies are JSON as GitHub holds it */
import { createHash } from 'node:crypto';

export type Reply = [number, unknown, Record<string, string>?];

export interface Recorded {
  readonly method: string;
  /** Path without the API prefix and the query string. */
  readonly path: string;
  readonly query: string;
  readonly body: any;
  readonly status: number;
}

export interface PullSpec {
  readonly baseSha: string;
  readonly headSha: string;
  readonly author: string;
  readonly fork?: boolean;
  readonly draft?: boolean;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * One repository as the GitHub REST API shows it, in memory: commits (trees and blobs), branches,
 * pull requests, collaborators, issue comments with reactions, check runs and installation
 * tokens. Transport-free: tests bind it to nock (in-process) or to an HTTP server (the
 * end-to-end test), and assert on the recorded requests and the state left behind.
 */
export class GitHubState {
  readonly calls: Recorded[] = [];
  readonly comments: {
    id: number;
    body: string;
    user: { login: string; type: string };
    html_url: string;
  }[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly checkRuns = new Map<number, any>();
  readonly permissions = new Map<string, { permission: string; role_name: string }>();
  readonly branches = new Map<string, string>();
  readonly pulls = new Map<number, PullSpec>();
  private readonly commits = new Map<string, ReadonlyMap<string, string>>();
  private readonly blobs = new Map<string, string>();
  private readonly failures: { method: string; path: RegExp; status: number; times: number }[] = [];
  private nextId = 5000;

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  /** Stores a commit with exactly these files; its SHA is derived from the content. */
  commit(files: Readonly<Record<string, string>>, label: string): string {
    const sorted = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = sha1(`${label}\n${sorted.map(([p, t]) => `${p}\n${sha1(t)}`).join('\n')}`);
    for (const [, text] of sorted) this.blobs.set(sha1(text), text);
    this.commits.set(sha, new Map(sorted));
    return sha;
  }

  fail(method: string, path: RegExp, status: number, times = 1): void {
    this.failures.push({ method, path, status, times });
  }

  /** `METHOD path` of every request, in order. */
  routes(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }

  /** Handles one request; `path` is relative to the API root and may carry a query. */
  handle(method: string, url: string, body: any): Reply {
    const [path = '', query = ''] = url.split('?');
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.path.test(path),
    );
    let reply: Reply;
    if (failure !== undefined) {
      failure.times--;
      reply = [
        failure.status,
        {
          message:
            failure.status === 403 ? 'Resource not accessible by integration' : 'Server Error',
        },
      ];
    } else reply = this.route(method, path, new URLSearchParams(query), body);
    this.calls.push({ method, path, query, body, status: reply[0] });
    return reply;
  }

  private route(method: string, path: string, query: URLSearchParams, body: any): Reply {
    let m: RegExpExecArray | null;
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path))
      return [
        201,
        { token: 'ghs_installation_token', expires_at: '2099-01-01T00:00:00Z', permissions: {} },
      ];
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(base)) return notFound(path);
    const rest = path.slice(base.length);
    if (method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const pull = this.pulls.get(Number(m[1]));
      return pull === undefined ? notFound(path) : [200, this.pullJson(Number(m[1]), pull)];
    }
    if (method === 'GET' && rest === '/pulls')
      return [200, [...this.pulls].map(([n, p]) => this.pullJson(n, p))];
    // The base may be a branch (`main...<sha>`): its commit is then the merge base.
    if (method === 'GET' && (m = /^\/compare\/([^/]+)\.\.\.([0-9a-f]+)$/.exec(rest))) {
      const base = decodeURIComponent(m[1] ?? '');
      return [200, { merge_base_commit: { sha: this.branches.get(base) ?? base }, files: [] }];
    }
    if (method === 'GET' && (m = /^\/git\/trees\/([^/]+)$/.exec(rest)))
      return this.tree(decodeURIComponent(m[1] ?? ''));
    if (method === 'GET' && (m = /^\/git\/blobs\/([0-9a-f]+)$/.exec(rest))) {
      const text = this.blobs.get(m[1] ?? '');
      return text === undefined
        ? notFound(path)
        : [200, { sha: m[1], encoding: 'base64', content: Buffer.from(text).toString('base64') }];
    }
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const ref = query.get('ref') ?? this.branches.get('main') ?? '';
      const files = this.commits.get(this.branches.get(ref) ?? ref);
      const text = files?.get(decodeURIComponent(m[1] ?? ''));
      return text === undefined
        ? notFound(path)
        : [200, text, { 'content-type': 'application/vnd.github.raw; charset=utf-8' }];
    }
    if (method === 'GET' && (m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const permission = this.permissions.get(m[1] ?? '');
      return permission === undefined
        ? notFound(path)
        : [200, { ...permission, user: { login: m[1] } }];
    }
    if (method === 'POST' && (m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest))) {
      this.reactions.push({ commentId: Number(m[1]), content: body.content });
      return [201, { id: this.nextId++, content: body.content }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      if (method === 'GET') return [200, this.comments];
      if (method === 'POST') {
        const id = this.nextId++;
        const comment = {
          id,
          body: body.body,
          user: { login: 'meshguard[bot]', type: 'Bot' },
          html_url: `https://github.com/${this.owner}/${this.repo}/pull/${m[1]}#issuecomment-${id}`,
        };
        this.comments.push(comment);
        return [201, comment];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) return notFound(path);
      if (method === 'PATCH') {
        comment.body = body.body;
        return [200, comment];
      }
    }
    if (method === 'POST' && rest === '/check-runs') {
      const run = {
        ...body,
        id: this.nextId++,
        html_url: '',
        annotations: body.output?.annotations ?? [],
      };
      run.html_url = `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`;
      this.checkRuns.set(run.id, run);
      return [201, run];
    }
    if (method === 'PATCH' && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.get(Number(m[1]));
      if (run === undefined) return notFound(path);
      Object.assign(run, {
        ...body,
        annotations: [...run.annotations, ...(body.output?.annotations ?? [])],
      });
      return [200, run];
    }
    return notFound(path);
  }

  private tree(ref: string): Reply {
    const files = this.commits.get(this.branches.get(ref) ?? ref);
    if (files === undefined) return notFound(`tree ${ref}`);
    const tree = [...files].map(([path, text]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: sha1(text),
      size: Buffer.byteLength(text),
    }));
    return [200, { sha: ref, tree, truncated: false }];
  }

  private pullJson(number: number, pull: PullSpec): Record<string, unknown> {
    const full = `${this.owner}/${this.repo}`;
    return {
      number,
      state: 'open',
      draft: pull.draft === true,
      user: { login: pull.author, type: 'User' },
      base: { sha: pull.baseSha, ref: 'main', repo: { full_name: full } },
      head: {
        sha: pull.headSha,
        ref: 'feature',
        repo: { full_name: pull.fork === true ? `contributor/${this.repo}` : full },
      },
    };
  }
}

function notFound(what: string): Reply {
  return [404, { message: `Not Found (${what})` }];
}
