import { ALL_REQUESTS, createAuthzEngine, intersect, isEmpty, subtract } from '../authz/index.js';
import type { AuthzEngine } from '../authz/index.js';
import type { Code, MessageParams } from '../findings/catalogue.js';
import { catalogue } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { EvaluatedSide } from '../graph/side.js';
import type { AuthorizationPolicy } from '../model/istio.js';
import { formatRef, refKey } from '../model/source.js';
import { decidingPolicy } from '../mtls/index.js';
import type { Source } from '../model/source.js';
import { DEFAULT_SENSITIVE_PORTS } from '../report/analyze-options.js';
import type { AnalyzeOptions } from '../report/analyze-options.js';
import type { EdgeDelta } from '../report/types.js';
import { ANY_MESH_IDENTITY, UNAUTHENTICATED } from '../topology/index.js';
import { evaluateEdge, peerOf } from '../graph/edge-eval.js';
import { quote } from '../findings/quote.js';

/**
 * Judgements about the change itself (MG3xx): who gained access where, what default-deny went
 * away, which protected workloads stopped requiring mTLS, which new workloads are open.
 */
export function changeFindings(
  base: EvaluatedSide,
  head: EvaluatedSide,
  edges: readonly EdgeDelta[],
  options: AnalyzeOptions,
): Finding[] {
  const sensitive = new Set(options.sensitivePorts ?? DEFAULT_SENSITIVE_PORTS);
  return [
    ...edgeFindings(head, edges, sensitive),
    ...denyFindings(base, head, edges),
    ...defaultDenyFindings(base, head),
    ...protectedFindings(base, head, options.protectedWorkloads ?? []),
    ...newWorkloadFindings(base, head, sensitive),
    ...newCallerFindings(base, head),
  ];
}

function finding<C extends Code>(
  code: C,
  id: string,
  at: Source,
  side: 'base' | 'head',
  params: MessageParams<C>,
  extra: Partial<Finding> = {},
): Finding {
  const entry = catalogue[code];
  return {
    id: `${code}:${id}`,
    code,
    severity: entry.severity,
    message: (entry.message as (p: MessageParams<C>) => string)(params),
    at,
    side,
    ...extra,
  };
}

/**
 * A newly allowed request line as a message shows it: the lines carry the manifests' paths,
 * hosts and headers, so each is quoted (a path holding a backtick stays whole), except
 * `all requests`, which is meshguard's own wording.
 */
function requestWords(request: string): string {
  return request === ALL_REQUESTS ? request : quote(request);
}

/** ` (GET /a, POST /b, ...)`: the first newly allowed request lines, for a message. */
function requestList(edge: EdgeDelta): string {
  const more = edge.newlyAllowed.length > 3 ? ', ...' : '';
  return ` (${edge.newlyAllowed.slice(0, 3).map(requestWords).join(', ')}${more})`;
}

function edgeFindings(
  head: EvaluatedSide,
  edges: readonly EdgeDelta[],
  sensitive: ReadonlySet<number>,
): Finding[] {
  const out: Finding[] = [];
  // What any identity of the mesh newly gets on each port: a named caller that gets exactly that
  // is already said by MG302 (and its MG304), and a finding per caller would only repeat it.
  const anyMesh = new Map(
    edges
      .filter((e) => e.from === ANY_MESH_IDENTITY)
      .map((e) => [`${e.to}:${e.port}`, e.newlyAllowed.join('\n')]),
  );
  for (const edge of edges) {
    if (edge.newlyAllowed.length === 0) continue;
    const named = edge.from !== ANY_MESH_IDENTITY && edge.from !== UNAUTHENTICATED;
    if (named && anyMesh.get(`${edge.to}:${edge.port}`) === edge.newlyAllowed.join('\n')) continue;
    const cause = edge.reasons[0];
    const at = cause?.at ?? head.topology.workloadById.get(edge.to)?.workload.source;
    if (at === undefined) continue;
    const side = cause?.side ?? 'head';
    const subject = `${edge.from}->${edge.to}:${edge.port}`;
    const requests = requestList(edge);
    const to = `${edge.to}:${edge.port}`;
    const extra = {
      edge: { from: edge.from, to: edge.to, port: edge.port },
      ...(cause?.ref ? { ref: cause.ref } : {}),
    };
    if (edge.from === UNAUTHENTICATED)
      out.push(finding('MG301', subject, at, side, { to, requests }, extra));
    else if (edge.from === ANY_MESH_IDENTITY)
      out.push(finding('MG302', subject, at, side, { to, requests }, extra));
    else if (namespaceOf(edge.from) !== namespaceOf(edge.to))
      out.push(finding('MG303', subject, at, side, { from: edge.from, to, requests }, extra));
    if (sensitive.has(edge.port))
      out.push(
        finding(
          'MG304',
          subject,
          at,
          side,
          { from: edge.from, to: edge.to, port: edge.port },
          extra,
        ),
      );
  }
  return out;
}

/**
 * Newly allowed requests that a base DENY rule matched for the same caller: the DENY was deleted
 * or narrowed, or stopped matching the caller (another service account, a plaintext hop that
 * hides its identity). Only the base's own DENY matches count, so a widened ALLOW next to an
 * untouched DENY raises nothing here.
 */
function denyFindings(
  base: EvaluatedSide,
  head: EvaluatedSide,
  edges: readonly EdgeDelta[],
): Finding[] {
  const out: Finding[] = [];
  // Without a DENY policy in the base there is nothing to bypass: skip the engine altogether.
  if (!base.mesh.authorizationPolicies.some((p) => p.action === 'DENY')) return out;
  let engine: AuthzEngine | null = null;
  for (const edge of edges) {
    if (edge.newlyAllowed.length === 0) continue;
    const before = endpoints(base, edge);
    const after = endpoints(head, edge);
    if (before === null || after === null) continue;
    // The cached base answer names the DENY rules that matched; only then are their sets needed.
    const was = evaluateEdge(base, before.caller, before.server, before.port);
    if (was.transport.transport === 'broken') continue;
    if (!was.access.determining.some((rule) => rule.action === 'DENY')) continue;
    engine ??= createAuthzEngine(base.mesh, {
      dataplaneOf: (w) => base.mtls.dataplane(w).dataplane,
      labelsOf: (w) => base.mtls.selectorLabels(w),
    });
    const peer = peerOf(base, before.caller, was.transport);
    const decision = engine.decide(engine.destination(before.server), before.port, peer);
    if (decision === null) continue;
    const newly = subtract(
      evaluateEdge(head, after.caller, after.server, after.port).reaching,
      was.reaching,
    );
    const bypassed = decision.chains
      .flatMap((c) => c.deny)
      .find((m) => !isEmpty(intersect(m.set, newly)));
    if (bypassed === undefined) continue;
    const rule = bypassed.ref;
    out.push(
      finding(
        'MG309',
        `${edge.from}->${edge.to}:${edge.port}`,
        rule.at,
        'base',
        {
          from: edge.from,
          to: `${edge.to}:${edge.port}`,
          policy: `${rule.policy.namespace}/${rule.policy.name}`,
          rule: rule.rule === null ? 'policy' : `rule ${rule.rule}`,
          requests: requestList(edge),
        },
        { edge: { from: edge.from, to: edge.to, port: edge.port }, ref: rule.policy },
      ),
    );
  }
  return out;
}

/** The caller, workload and port of an edge on one side, when all three exist there. */
function endpoints(side: EvaluatedSide, edge: EdgeDelta) {
  const caller = side.callers.get(edge.from);
  const server = side.topology.workloadById.get(edge.to);
  const port = server?.ports.find((p) => p.port === edge.port);
  return caller && server && port ? { caller, server, port } : null;
}

function namespaceOf(id: string): string {
  return id.split('/')[0] ?? '';
}

/**
 * Whether `wider`, a head policy, denies by default (the same way) every workload `policy`, a
 * base one, did: from the root namespace or the same one, with a selector whose labels are a
 * subset of `policy`'s (none selects the whole scope).
 */
function covers(
  wider: AuthorizationPolicy,
  policy: AuthorizationPolicy,
  kind: 'allow-nothing' | 'deny-all',
  root: string,
): boolean {
  if (defaultDenyKind(wider) !== kind) return false;
  const scope = wider.ref.namespace === root || wider.ref.namespace === policy.ref.namespace;
  if (!scope || (policy.ref.namespace === root && wider.ref.namespace !== root)) return false;
  const labels = policy.selector?.matchLabels ?? {};
  return Object.entries(wider.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** An ALLOW policy without rules (allow-nothing) or a DENY with an empty rule (deny-all). */
function defaultDenyKind(policy: AuthorizationPolicy): 'allow-nothing' | 'deny-all' | null {
  if (policy.dryRun || policy.targetRefs.length > 0) return null;
  if (policy.action === 'ALLOW' && (policy.rules === null || policy.rules.length === 0))
    return 'allow-nothing';
  const matchesAll = (policy.rules ?? []).some(
    (r) => r.from === null && r.to === null && r.when === null,
  );
  return policy.action === 'DENY' && matchesAll ? 'deny-all' : null;
}

function defaultDenyFindings(base: EvaluatedSide, head: EvaluatedSide): Finding[] {
  const headByRef = new Map(head.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p]));
  const root = head.mesh.settings.rootNamespace.value;
  const defaults = head.mesh.authorizationPolicies.filter((p) => defaultDenyKind(p) !== null);
  return base.mesh.authorizationPolicies.flatMap((policy) => {
    const kind = defaultDenyKind(policy);
    if (kind === null) return [];
    // Renamed, moved to the root namespace or given a wider selector: still denied by default.
    if (defaults.some((p) => covers(p, policy, kind, root))) return [];
    // Otherwise it was removed, or changed (a selector added, rules given) so it no longer
    // denies by default: `covers` already accepts the same policy unchanged.
    const now = headByRef.get(refKey(policy.ref));
    return [
      finding(
        'MG305',
        formatRef(policy.ref),
        now?.actionAt ?? policy.source,
        now === undefined ? 'base' : 'head',
        {
          policy: `the ${kind} policy ${formatRef(policy.ref)}`,
          how: now === undefined ? 'was removed' : 'no longer denies by default',
        },
        { ref: now?.ref ?? policy.ref },
      ),
    ];
  });
}

function protectedFindings(
  base: EvaluatedSide,
  head: EvaluatedSide,
  protectedIds: readonly string[],
): Finding[] {
  if (protectedIds.length === 0) return [];
  const isProtected = (id: string) =>
    protectedIds.some((p) => (p.includes('/') ? p === id : id.startsWith(`${p}/`)));
  const out: Finding[] = [];
  for (const workload of head.topology.workloads.filter((w) => isProtected(w.id))) {
    const before = base.topology.workloadById.get(workload.id);
    for (const port of workload.ports) {
      const mode = head.mtls.serverMode(workload, port.port);
      if (mode.mode === 'STRICT') continue;
      // Only what this change does: a port that was already not STRICT is not its doing.
      if (before !== undefined && base.mtls.serverMode(before, port.port).mode !== 'STRICT')
        continue;
      // The level that decides now, not the ones it overrides (§1.2).
      const decider = decidingPolicy(mode);
      const at =
        decider?.at ?? mode.evidence.find((e) => e.at !== null)?.at ?? workload.workload.source;
      const shown =
        mode.mode === 'NO_SIDECAR' ? 'plaintext (no sidecar)' : `${mode.mode} (plaintext allowed)`;
      out.push(
        finding(
          'MG306',
          `${workload.id}:${port.port}`,
          at,
          'head',
          { workload: workload.id, port: port.port, mode: shown },
          { ref: decider?.ref ?? workload.workload.ref },
        ),
      );
    }
  }
  return out;
}

function newWorkloadFindings(
  base: EvaluatedSide,
  head: EvaluatedSide,
  sensitive: ReadonlySet<number>,
): Finding[] {
  const out: Finding[] = [];
  for (const workload of head.topology.workloads) {
    if (base.topology.workloadById.has(workload.id)) continue;
    for (const port of workload.ports) {
      const open = [UNAUTHENTICATED, ANY_MESH_IDENTITY].filter((id) => {
        const caller = head.callers.get(id);
        return (
          caller !== undefined && !isEmpty(evaluateEdge(head, caller, workload, port).reaching)
        );
      });
      if (open.length === 0) continue;
      const who =
        open.length === 2
          ? 'plaintext callers and any mesh identity'
          : open[0] === UNAUTHENTICATED
            ? 'plaintext callers'
            : 'any mesh identity';
      out.push(
        finding(
          'MG307',
          `${workload.id}:${port.port}`,
          workload.workload.source,
          'head',
          { workload: workload.id, port: port.port, who },
          { ref: workload.workload.ref },
        ),
      );
      // A datastore or admin port open to everyone is the error MG304 names for existing ones.
      if (sensitive.has(port.port))
        for (const from of open)
          out.push(
            finding(
              'MG304',
              `${from}->${workload.id}:${port.port}`,
              workload.workload.source,
              'head',
              { from, to: workload.id, port: port.port },
              { ref: workload.workload.ref, edge: { from, to: workload.id, port: port.port } },
            ),
          );
    }
  }
  return out;
}

/** At most this many destinations are named in MG308; the count says how many there are. */
const NAMED_TARGETS = 5;

/** What each added workload, as a caller, can reach outside its own namespace (MG308). */
function newCallerFindings(base: EvaluatedSide, head: EvaluatedSide): Finding[] {
  const out: Finding[] = [];
  for (const workload of head.topology.workloads) {
    if (base.topology.workloadById.has(workload.id)) continue;
    const caller = head.callers.get(workload.id);
    if (caller === undefined) continue;
    const reached: string[] = [];
    for (const server of head.topology.workloads) {
      if (server.namespace === workload.namespace) continue;
      for (const port of server.ports) {
        if (!isEmpty(evaluateEdge(head, caller, server, port).reaching))
          reached.push(`${server.id}:${port.port}`);
      }
    }
    if (reached.length === 0) continue;
    const named = reached
      .slice(0, NAMED_TARGETS)
      .map((t) => quote(t))
      .join(', ');
    const targets =
      reached.length > NAMED_TARGETS
        ? `${named} and ${reached.length - NAMED_TARGETS} more`
        : named;
    out.push(
      finding(
        'MG308',
        workload.id,
        workload.workload.source,
        'head',
        { workload: workload.id, count: reached.length, targets },
        { ref: workload.workload.ref },
      ),
    );
  }
  return out;
}
