import type { Code, MessageParams } from '../findings/catalogue.js';
import { catalogue } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { AuthorizationPolicy, AuthorizationRule, MatchField } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { Located, ResourceRef, Source } from '../model/source.js';
import { refKey } from '../model/source.js';
import type { Topology, WorkloadNode } from '../topology/index.js';
import { selects } from '../topology/index.js';

/**
 * Findings about one policy on its own, whatever workloads it lands on: values that can never
 * match, selectors that select nothing, policies a sidecar ignores or does not enforce.
 */

export type FindingSide = 'base' | 'head';

export function finding<C extends Code>(
  code: C,
  params: MessageParams<C>,
  at: Source,
  side: FindingSide,
  ref: ResourceRef | undefined,
  subject: string,
): Finding {
  const entry = catalogue[code];
  const message = (entry.message as (p: MessageParams<C>) => string)(params);
  const id = [code, ref ? refKey(ref) : '', subject].filter((p) => p !== '').join(':');
  return { id, code, severity: entry.severity, message, at, side, ...(ref ? { ref } : {}) };
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

export function policyFindings(
  policy: AuthorizationPolicy,
  topology: Topology,
  side: FindingSide,
  labelsOf: (workload: WorkloadNode) => Labels,
): Finding[] {
  const out: Finding[] = [];
  const add = <C extends Code>(
    code: C,
    params: MessageParams<C>,
    at: Source,
    subject: string,
  ): void => {
    out.push(finding(code, params, at, side, policy.ref, subject));
  };
  const root = topology.mesh.settings.rootNamespace.value;
  if (policy.dryRun)
    add('MG211', { action: policy.action }, policy.dryRunAt ?? policy.source, 'dry-run');
  if (policy.targetRefs.length > 0)
    add(
      'MG208',
      { targets: policy.targetRefs.map((t) => `${t.kind} ${t.name}`).join(', ') },
      policy.targetRefs[0]?.at ?? policy.source,
      'target-refs',
    );
  if (policy.selector !== null && policy.targetRefs.length === 0) {
    const selector = policy.selector;
    const candidates =
      policy.ref.namespace === root
        ? topology.workloads
        : topology.workloadsIn(policy.ref.namespace);
    const matches = candidates.some((w) => selects(selector.matchLabels, labelsOf(w)));
    if (!matches)
      add(
        'MG207',
        {
          selector: Object.entries(selector.matchLabels)
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
        },
        selector.at,
        'selector',
      );
  }
  const effect =
    policy.action === 'ALLOW'
      ? 'the rule allows less than written'
      : 'the rule denies less than written';
  (policy.rules ?? []).forEach((rule, index) => {
    for (const value of identityValues(rule, 'principals'))
      principalFindings(value, effect, index, add);
    for (const value of identityValues(rule, 'namespaces')) {
      if (/\*(s?a)$/.test(value.value) && value.value !== '*')
        add('MG218', { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    }
    for (const operation of rule.to ?? [])
      for (const field of [operation.methods, operation.notMethods])
        for (const value of field?.values ?? [])
          if (!knownMethod(value.value))
            add('MG213', { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    for (const operation of rule.to ?? []) {
      const hosts = operation.hosts?.values ?? [];
      for (const value of hosts)
        if (
          !value.value.includes('*') &&
          !value.value.includes(':') &&
          !coversPortForm(value.value, hosts)
        )
          add('MG214', { value: value.value }, value.at, `rules[${index}]:${value.value}`);
    }
    if (
      policy.action === 'ALLOW' &&
      rule.from === null &&
      rule.to === null &&
      (rule.when ?? []).length === 0
    )
      add('MG212', { scope: scopeText(policy, root) }, rule.at, `rules[${index}]`);
  });
  return out;
}

function principalFindings(
  value: Located<string>,
  effect: string,
  index: number,
  add: <C extends Code>(code: C, params: MessageParams<C>, at: Source, subject: string) => void,
): void {
  if (value.value.startsWith('spiffe://')) {
    add('MG201', { value: value.value, effect }, value.at, `rules[${index}]:${value.value}`);
    return;
  }
  if (value.value.includes('*')) return;
  if (!/^[^/]+\/ns\/[^/]+\/sa\/[^/]+$/.test(value.value))
    add('MG202', { value: value.value, effect }, value.at, `rules[${index}]:${value.value}`);
}

/** Values of a source field and its `not` form, and of the matching `when` key. */
function identityValues(
  rule: AuthorizationRule,
  field: 'principals' | 'namespaces',
): Located<string>[] {
  const not = field === 'principals' ? 'notPrincipals' : 'notNamespaces';
  const key = field === 'principals' ? 'source.principal' : 'source.namespace';
  const fromFields = (rule.from ?? [])
    .flatMap((s) => [s[field], s[not]])
    .filter((f): f is MatchField => f !== undefined);
  const conditions = (rule.when ?? []).filter((c) => c.key.value === key);
  return [
    ...fromFields.flatMap((f) => f.values),
    ...conditions.flatMap((c) => [...(c.values ?? []), ...(c.notValues ?? [])]),
  ];
}

function knownMethod(value: string): boolean {
  if (value === '*') return true;
  if (value.startsWith('*')) return METHODS.some((m) => m.endsWith(value.slice(1)));
  if (value.endsWith('*')) return METHODS.some((m) => m.startsWith(value.slice(0, -1)));
  return METHODS.includes(value);
}

function scopeText(policy: AuthorizationPolicy, root: string): string {
  const selector = policy.selector
    ? `workloads labelled ${Object.entries(policy.selector.matchLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`
    : 'every workload';
  const where =
    policy.ref.namespace === root ? 'in the mesh' : `in namespace ${policy.ref.namespace}`;
  return `${selector} ${where}`;
}

/**
 * Another value of the same `hosts` field already matches `<host>:<port>` (`host:*`, or a prefix
 * such as `host*`); `hosts` is case-insensitive (§3.4).
 */
function coversPortForm(host: string, hosts: readonly { readonly value: string }[]): boolean {
  const withPort = `${host.toLowerCase()}:8080`;
  return hosts.some((other) => {
    const pattern = other.value.toLowerCase();
    return pattern.endsWith('*') && withPort.startsWith(pattern.slice(0, -1));
  });
}
