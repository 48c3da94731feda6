import { isCode } from '../analysis/findings/catalogue.js';
import type { Finding, Report } from '../analysis/index.js';
import type { Diagnostic } from '../analysis/model/diagnostic.js';
import type { Source } from '../analysis/model/source.js';
import type { EdgeDelta, EdgeState, MtlsDelta, SideSummary } from '../analysis/report/types.js';
import { REPORT_SCHEMA_VERSION } from '../analysis/report/types.js';

/**
 * Rebuilds a `Report` from untrusted JSON, field by field: only known fields survive, each with
 * its type, enum and a length cap, so what reaches the renderer has exactly the shape our own
 * analysis produces. Anything else is refused with the JSON path of the first problem.
 */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';
}

const MAX_TEXT = 4000;
const MAX_ITEMS = 100_000;

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArtifactError(`${path} must be an object`);
  }
  return value as Record<string, unknown>;
}

export function field(object: Record<string, unknown>, key: string, path: string): unknown {
  if (!Object.hasOwn(object, key)) throw new ArtifactError(`${path}.${key} is missing`);
  return object[key];
}

export function text(value: unknown, path: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.length > max) {
    throw new ArtifactError(`${path} must be a string of at most ${max} characters`);
  }
  return value;
}

export function int(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ArtifactError(`${path} must be a whole number ≥ ${min}`);
  }
  return value;
}

export function oneOf<T extends string | boolean>(
  value: unknown,
  path: string,
  values: readonly T[],
): T {
  if (!(values as readonly unknown[]).includes(value)) {
    throw new ArtifactError(`${path} must be one of ${values.join(', ')}`);
  }
  return value as T;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) {
    throw new ArtifactError(`${path} must be a list of at most ${MAX_ITEMS} items`);
  }
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function get<T>(
  object: Record<string, unknown>,
  key: string,
  path: string,
  read: (v: unknown, p: string) => T,
): T {
  return read(field(object, key, path), `${path}.${key}`);
}

function optional<T>(
  object: Record<string, unknown>,
  key: string,
  path: string,
  read: (v: unknown, p: string) => T,
): { [k: string]: T } {
  return object[key] === undefined ? {} : { [key]: read(object[key], `${path}.${key}`) };
}

const sideName = (v: unknown, p: string) => oneOf(v, p, ['base', 'head'] as const);
const severity = (v: unknown, p: string) => oneOf(v, p, ['error', 'warning', 'notice'] as const);
const texts = (v: unknown, p: string) => list(v, p, (x, q) => text(x, q));

function code(value: unknown, path: string): Finding['code'] {
  const c = text(value, path, 10);
  if (!isCode(c)) throw new ArtifactError(`${path} is not a meshguard code`);
  return c;
}

function source(value: unknown, path: string): Source {
  const o = record(value, path);
  return {
    file: get(o, 'file', path, (v, p) => text(v, p, 1000)),
    documentIndex: get(o, 'documentIndex', path, int),
    line: get(o, 'line', path, int),
    column: get(o, 'column', path, int),
  };
}

function resourceRef(
  value: unknown,
  path: string,
): { kind: string; namespace: string; name: string } {
  const o = record(value, path);
  return {
    kind: get(o, 'kind', path, (v, p) => text(v, p, 100)),
    namespace: get(o, 'namespace', path, (v, p) => text(v, p, 253)),
    name: get(o, 'name', path, (v, p) => text(v, p, 253)),
  };
}

function finding(value: unknown, path: string): Finding {
  const o = record(value, path);
  return {
    id: get(o, 'id', path, text),
    code: get(o, 'code', path, code),
    severity: get(o, 'severity', path, severity),
    message: get(o, 'message', path, text),
    at: get(o, 'at', path, source),
    side: get(o, 'side', path, sideName),
    ...optional(o, 'ref', path, resourceRef),
    ...optional(o, 'edge', path, (v, p) => {
      const e = record(v, p);
      return {
        from: get(e, 'from', p, text),
        to: get(e, 'to', p, text),
        port: get(e, 'port', p, int),
      };
    }),
  };
}

function diagnostic(value: unknown, path: string): Diagnostic {
  const o = record(value, path);
  return {
    code: get(o, 'code', path, code),
    severity: get(o, 'severity', path, severity),
    message: get(o, 'message', path, text),
    at: get(o, 'at', path, source),
    ...optional(o, 'ref', path, resourceRef),
  };
}

function edgeState(value: unknown, path: string): EdgeState {
  const o = record(value, path);
  return {
    access: get(o, 'access', path, (v, p) => oneOf(v, p, ['allow', 'partial', 'deny'] as const)),
    transport: get(o, 'transport', path, (v, p) =>
      oneOf(v, p, ['mtls', 'plaintext', 'broken'] as const),
    ),
    requests: get(o, 'requests', path, texts),
    exact: get(o, 'exact', path, (v, p) => oneOf(v, p, [true, false] as const)),
  };
}

const CHANGES = ['added', 'removed', 'widened', 'narrowed', 'changed', 'transport'] as const;
const MODES = ['STRICT', 'PERMISSIVE', 'DISABLE', 'NO_SIDECAR'] as const;

function edge(value: unknown, path: string): EdgeDelta {
  const o = record(value, path);
  return {
    from: get(o, 'from', path, text),
    callers: get(o, 'callers', path, int),
    to: get(o, 'to', path, text),
    port: get(o, 'port', path, int),
    protocol: get(o, 'protocol', path, (v, p) => text(v, p, 50)),
    change: get(o, 'change', path, (v, p) => oneOf(v, p, CHANGES)),
    base: get(o, 'base', path, edgeState),
    head: get(o, 'head', path, edgeState),
    newlyAllowed: get(o, 'newlyAllowed', path, texts),
    newlyDenied: get(o, 'newlyDenied', path, texts),
    reasons: get(o, 'reasons', path, (v, p) =>
      list(v, p, (r, q) => {
        const x = record(r, q);
        return {
          object: get(x, 'object', q, text),
          note: get(x, 'note', q, text),
          at: get(x, 'at', q, source),
          ...optional(x, 'side', q, sideName),
          ...optional(x, 'ref', q, resourceRef),
        };
      }),
    ),
  };
}

function mtls(value: unknown, path: string): MtlsDelta {
  const o = record(value, path);
  return {
    workload: get(o, 'workload', path, text),
    port: get(o, 'port', path, (v, p) => (v === null ? null : int(v, p))),
    base: get(o, 'base', path, (v, p) => oneOf(v, p, MODES)),
    head: get(o, 'head', path, (v, p) => oneOf(v, p, MODES)),
    at: get(o, 'at', path, (v, p) => (v === null ? null : source(v, p))),
    ...optional(o, 'side', path, sideName),
  };
}

function side(value: unknown, path: string): SideSummary {
  const o = record(value, path);
  const n = (key: string) => get(o, key, path, int);
  return {
    files: n('files'),
    documents: n('documents'),
    objects: n('objects'),
    workloads: n('workloads'),
    policies: n('policies'),
  };
}

function workloadChanges(value: unknown, path: string) {
  return list(value, path, (v, p) => {
    const o = record(v, p);
    return { workload: get(o, 'workload', p, text), at: get(o, 'at', p, source) };
  });
}

export function assertReport(value: unknown, path: string): Report {
  const o = record(value, path);
  if (o['schemaVersion'] !== REPORT_SCHEMA_VERSION) {
    throw new ArtifactError(`${path}.schemaVersion must be ${REPORT_SCHEMA_VERSION}`);
  }
  const summary = get(o, 'summary', path, record);
  const sp = `${path}.summary`;
  const edges = get(summary, 'edges', sp, record);
  const counts = get(summary, 'findings', sp, record);
  const workloads = get(o, 'workloads', path, record);
  const diagnostics = get(o, 'diagnostics', path, record);
  const inputs = get(o, 'inputs', path, record);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: get(o, 'verdict', path, (v, p) => oneOf(v, p, ['pass', 'fail'] as const)),
    failOn: get(o, 'failOn', path, (v, p) => oneOf(v, p, ['error', 'warning', 'never'] as const)),
    summary: {
      edges: Object.fromEntries(
        CHANGES.map((c) => [c, get(edges, c, `${sp}.edges`, int)]),
      ) as Report['summary']['edges'],
      mtlsWeakened: get(summary, 'mtlsWeakened', sp, int),
      mtlsStrengthened: get(summary, 'mtlsStrengthened', sp, int),
      workloadsAdded: get(summary, 'workloadsAdded', sp, int),
      workloadsRemoved: get(summary, 'workloadsRemoved', sp, int),
      findings: {
        error: get(counts, 'error', `${sp}.findings`, int),
        warning: get(counts, 'warning', `${sp}.findings`, int),
        notice: get(counts, 'notice', `${sp}.findings`, int),
      },
    },
    edges: get(o, 'edges', path, (v, p) => list(v, p, edge)),
    mtls: get(o, 'mtls', path, (v, p) => list(v, p, mtls)),
    workloads: {
      added: get(workloads, 'added', `${path}.workloads`, workloadChanges),
      removed: get(workloads, 'removed', `${path}.workloads`, workloadChanges),
    },
    findings: get(o, 'findings', path, (v, p) => list(v, p, finding)),
    ignored: get(o, 'ignored', path, (v, p) =>
      list(v, p, (x, q) => {
        const i = record(x, q);
        return { finding: get(i, 'finding', q, finding), reason: get(i, 'reason', q, text) };
      }),
    ),
    diagnostics: {
      base: get(diagnostics, 'base', `${path}.diagnostics`, (v, p) => list(v, p, diagnostic)),
      head: get(diagnostics, 'head', `${path}.diagnostics`, (v, p) => list(v, p, diagnostic)),
    },
    inputs: {
      base: get(inputs, 'base', `${path}.inputs`, side),
      head: get(inputs, 'head', `${path}.inputs`, side),
      partial: get(inputs, 'partial', `${path}.inputs`, (v, p) =>
        oneOf(v, p, [true, false] as const),
      ),
    },
  };
}
