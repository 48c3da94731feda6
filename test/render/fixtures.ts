import type { Finding } from '../../src/analysis/findings/finding.js';
import type { Code } from '../../src/analysis/findings/catalogue.js';
import { diagnostic } from '../../src/analysis/model/diagnostic.js';
import type { MessageParams } from '../../src/analysis/findings/catalogue.js';
import type { Source } from '../../src/analysis/model/source.js';
import { mtlsDirection } from '../../src/analysis/render/change-words.js';
import type {
  EdgeChange,
  EdgeDelta,
  EdgeState,
  MtlsDelta,
  Reason,
  Report,
  WorkloadChange,
} from '../../src/analysis/report/types.js';

/**
 * Hand-built Reports for the renderers while the diff engine is built in parallel. Each is a
 * realistic picture of one review: what changed, why, and where.
 */

export function at(file: string, line: number, column = 3): Source {
  return { file, documentIndex: 0, line, column };
}

const ALL = ['all requests'];

export function state(
  access: EdgeState['access'],
  transport: EdgeState['transport'] = 'mtls',
  requests: readonly string[] = access === 'allow' ? ALL : [],
  exact = true,
): EdgeState {
  return { access, transport, requests, exact };
}

export function reason(object: string, note: string, file: string, line: number): Reason {
  return { object, note, at: at(file, line) };
}

export interface EdgeSpec {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly change: EdgeChange;
  readonly protocol?: string;
  readonly callers?: number;
  readonly members?: readonly string[];
  readonly base?: EdgeState;
  readonly head?: EdgeState;
  readonly newlyAllowed?: readonly string[];
  readonly newlyDenied?: readonly string[];
  readonly reasons?: readonly Reason[];
}

const DEFAULT_STATES: Readonly<Record<EdgeChange, readonly [EdgeState, EdgeState]>> = {
  added: [state('deny'), state('allow')],
  removed: [state('allow'), state('deny')],
  widened: [state('partial', 'mtls', ['GET /*']), state('allow')],
  narrowed: [state('allow'), state('partial', 'mtls', ['GET /*'])],
  changed: [state('partial', 'mtls', ['GET /a']), state('partial', 'mtls', ['GET /b'])],
  transport: [state('allow', 'mtls'), state('allow', 'plaintext')],
};

export function edge(spec: EdgeSpec): EdgeDelta {
  const [base, head] = DEFAULT_STATES[spec.change];
  const defaultAllowed =
    spec.change === 'added' || spec.change === 'widened' ? ['all requests'] : [];
  return {
    from: spec.from,
    callers: spec.callers ?? 1,
    ...(spec.members === undefined ? {} : { members: spec.members }),
    to: spec.to,
    port: spec.port,
    protocol: spec.protocol ?? 'http',
    change: spec.change,
    base: spec.base ?? base,
    head: spec.head ?? head,
    newlyAllowed: spec.newlyAllowed ?? (spec.change === 'changed' ? ['GET /b'] : defaultAllowed),
    newlyDenied:
      spec.newlyDenied ??
      (spec.change === 'removed' || spec.change === 'narrowed'
        ? ['all requests']
        : spec.change === 'changed'
          ? ['GET /a']
          : []),
    reasons: spec.reasons ?? [],
  };
}

export function finding<C extends Code>(
  code: C,
  source: Source,
  params: MessageParams<C>,
  extra: Partial<Pick<Finding, 'ref' | 'edge' | 'side'>> = {},
): Finding {
  const d = diagnostic(code, source, params);
  return {
    id: `${code}:${source.file}`,
    code,
    severity: d.severity,
    message: d.message,
    at: source,
    side: extra.side ?? 'head',
    ...(extra.ref ? { ref: extra.ref } : {}),
    ...(extra.edge ? { edge: extra.edge } : {}),
  };
}

export interface ReportParts {
  readonly edges?: readonly EdgeDelta[];
  readonly mtls?: readonly MtlsDelta[];
  readonly added?: readonly WorkloadChange[];
  readonly removed?: readonly WorkloadChange[];
  readonly findings?: readonly Finding[];
  readonly ignored?: Report['ignored'];
  readonly failOn?: Report['failOn'];
  readonly partial?: boolean;
}

/** A Report whose summary agrees with its lists, as the diff engine must produce it. */
export function makeReport(parts: ReportParts): Report {
  const edges = parts.edges ?? [];
  const mtls = parts.mtls ?? [];
  const findings = parts.findings ?? [];
  const failOn = parts.failOn ?? 'error';
  const count = (change: EdgeChange) => edges.filter((e) => e.change === change).length;
  const severity = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const failing = failOn === 'never' ? [] : failOn === 'error' ? ['error'] : ['error', 'warning'];
  const side = { files: 3, documents: 12, objects: 12, workloads: 6, policies: 4 };
  return {
    schemaVersion: 1,
    verdict: findings.some((f) => failing.includes(f.severity)) ? 'fail' : 'pass',
    failOn,
    summary: {
      edges: {
        added: count('added'),
        removed: count('removed'),
        widened: count('widened'),
        narrowed: count('narrowed'),
        changed: count('changed'),
        transport: count('transport'),
      },
      mtlsWeakened: mtls.filter((m) => mtlsDirection(m) === 'weakened').length,
      mtlsStrengthened: mtls.filter((m) => mtlsDirection(m) === 'strengthened').length,
      workloadsAdded: parts.added?.length ?? 0,
      workloadsRemoved: parts.removed?.length ?? 0,
      findings: {
        error: severity('error'),
        warning: severity('warning'),
        notice: severity('notice'),
      },
    },
    edges,
    mtls,
    workloads: { added: parts.added ?? [], removed: parts.removed ?? [] },
    findings,
    ignored: parts.ignored ?? [],
    diagnostics: { base: [], head: [] },
    inputs: { base: side, head: { ...side, workloads: 7 }, partial: parts.partial ?? false },
  };
}

export const emptyReport = makeReport({});

const PAYMENTS_POLICY = 'AuthorizationPolicy payments/allow-frontend';

/**
 * Five changes across `web`, `payments` and `db`: a new path from the frontend, an
 * unauthenticated caller newly reaching `/admin`, every `payments` workload dropping to plaintext
 * towards the ledger, mesh identities losing the ledger, and the cart narrowed to reads.
 */
export const smallReport = makeReport({
  edges: [
    edge({
      from: 'web/frontend',
      to: 'payments/checkout',
      port: 8080,
      change: 'added',
      head: state('partial', 'mtls', ['GET /api/*']),
      newlyAllowed: ['GET /api/*'],
      reasons: [
        reason(
          PAYMENTS_POLICY,
          'rule 0 allows principal web/frontend',
          'mesh/payments/authz.yaml',
          14,
        ),
      ],
    }),
    edge({
      from: '(unauthenticated)',
      to: 'payments/checkout',
      port: 8080,
      change: 'widened',
      base: state('partial', 'plaintext', ['GET /healthz']),
      head: state('partial', 'plaintext', ['GET /admin', 'GET /healthz']),
      newlyAllowed: ['GET /admin'],
      reasons: [
        reason(
          'AuthorizationPolicy payments/public-health',
          'rule 1 has no `from`',
          'mesh/payments/authz.yaml',
          41,
        ),
      ],
    }),
    edge({
      from: 'web/frontend',
      to: 'payments/cart',
      port: 9090,
      change: 'narrowed',
      head: state('partial', 'mtls', ['GET /cart/*']),
      newlyDenied: ['POST /cart/*', 'DELETE /cart/*'],
    }),
    edge({
      from: '(any mesh identity)',
      to: 'db/ledger',
      port: 5432,
      protocol: 'tcp',
      change: 'removed',
      newlyDenied: ['all requests'],
      reasons: [
        reason(
          'AuthorizationPolicy db/deny-all',
          'ALLOW policy with no rules',
          'mesh/db/policy.yaml',
          3,
        ),
      ],
    }),
    edge({
      from: 'payments/*',
      callers: 3,
      members: ['payments/cart', 'payments/checkout', 'payments/invoices'],
      to: 'db/ledger',
      port: 5432,
      protocol: 'tcp',
      change: 'transport',
      reasons: [
        reason('DestinationRule db/ledger', 'tls.mode DISABLE', 'mesh/db/destination-rule.yaml', 9),
      ],
    }),
  ],
  mtls: [
    {
      workload: 'db/ledger',
      port: 5432,
      base: 'STRICT',
      head: 'PERMISSIVE',
      at: at('mesh/db/peer-authentication.yaml', 11),
    },
    {
      workload: 'payments/checkout',
      port: null,
      base: 'PERMISSIVE',
      head: 'STRICT',
      at: at('mesh/payments/peer-authentication.yaml', 7),
    },
  ],
  added: [{ workload: 'web/new-ui', at: at('apps/web/new-ui.yaml', 1) }],
  removed: [{ workload: 'legacy/old-api', at: at('apps/legacy/old-api.yaml', 1) }],
  findings: [
    finding('MG011', at('mesh/payments/authz.yaml', 22, 13), {
      field: 'action',
      value: 'ALOW',
      allowed: 'ALLOW, DENY, AUDIT, CUSTOM',
    }),
    finding(
      'MG901',
      at('mesh/db/policy.yaml', 3),
      { detail: 'more than 64 principals in `db/deny-all`; the rest were summarised' },
      {
        ref: { kind: 'AuthorizationPolicy', namespace: 'db', name: 'deny-all' },
        edge: { from: '(any mesh identity)', to: 'db/ledger', port: 5432 },
      },
    ),
  ],
  ignored: [
    {
      finding: finding('MG010', at('mesh/web/sidecar.yaml', 5), {
        field: 'spec.outboundTrafficPolicy',
        kind: 'Sidecar',
      }),
      reason: 'tracked in PLAT-1234',
    },
  ],
});

/**
 * `count` edge changes over `namespaces` namespaces, shaped like a large refactor: each caller
 * namespace talks to its three neighbours, every caller-destination pair changes on two ports
 * (so merging parallel arrows halves them), and one pair in `regressionEvery` is a regression
 * (new path); the rest are removals, narrowings and plaintext-to-mTLS upgrades.
 */
export function generatedReport(count: number, namespaces: number, regressionEvery = 10): Report {
  const quiet: readonly EdgeChange[] = ['removed', 'narrowed', 'transport'];
  const team = (n: number) => `team-${String(n % namespaces).padStart(2, '0')}`;
  const edges: EdgeDelta[] = [];
  for (let i = 0; i < count; i++) {
    const pair = Math.floor(i / 2);
    const round = Math.floor(pair / namespaces);
    const from = `${team(pair)}/client-${round % 12}`;
    const to = `${team(pair + 1 + (round % 3))}/service-${round}`;
    const change =
      pair % regressionEvery === 0 ? 'added' : (quiet[pair % quiet.length] ?? 'removed');
    const upgrade =
      change === 'transport'
        ? { base: state('allow', 'plaintext'), head: state('allow', 'mtls') }
        : {};
    edges.push(edge({ from, to, port: 8080 + (i % 2) * 363, change, ...upgrade }));
  }
  return makeReport({
    edges: edges.sort((a, b) =>
      a.to < b.to ? -1 : a.to > b.to ? 1 : a.port - b.port || (a.from < b.from ? -1 : 1),
    ),
  });
}

/**
 * The example of docs/report-schema.md: one new path with the policy that allows it, a group of
 * callers dropping to plaintext, an mTLS downgrade, a workload added, a finding on an edge and an
 * ignored finding.
 */
export const docExampleReport = makeReport({
  edges: [smallReport.edges[0], smallReport.edges[4]].filter(
    (e): e is EdgeDelta => e !== undefined,
  ),
  mtls: smallReport.mtls.slice(0, 1),
  added: smallReport.workloads.added,
  findings: smallReport.findings.slice(1),
  ignored: smallReport.ignored,
});
