import type { DestinationRule, DestinationSubset, TrafficPolicy } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import { compareText } from '../model/source.js';
import { CLUSTER_DOMAIN, selects } from '../topology/index.js';
import { compareAge } from './peer-authentication-index.js';

/**
 * DestinationRules indexed as `setDestinationRules` (`pilot/pkg/model/push_context.go`) does, and
 * looked up as `destinationRule` + `SidecarScope.DestinationRule` (`sidecar.go`) do (§2.4).
 */

/** DestinationRules for one host merged by `mergeDestinationRule` (`destination_rule.go`). */
export interface DestinationRuleGroup {
  readonly host: string;
  /** The first rule (oldest; rules with a workloadSelector sort first): selector and exportTo. */
  readonly first: DestinationRule;
  readonly members: readonly DestinationRule[];
  readonly exportTo: ReadonlySet<string>;
  /** The oldest member's top-level traffic policy: the merge never combines two of them. */
  readonly trafficPolicy: TrafficPolicy | null;
  readonly trafficPolicyFrom: DestinationRule | null;
  readonly subsets: readonly DestinationSubset[];
}

export type LookupStep = 'client namespace' | 'service namespace' | 'root namespace';

export interface DestinationRuleLookup {
  /** The rule that applies to this client, or `null` (then auto mTLS decides). */
  readonly chosen: DestinationRuleGroup | null;
  /** Where the search stopped, and the groups found there (before the workload filter). */
  readonly step: LookupStep | null;
  readonly found: readonly DestinationRuleGroup[];
}

export interface DestinationRuleIndex {
  lookup(
    clientNamespace: string,
    clientLabels: Labels,
    host: string,
    hostNamespace: string,
  ): DestinationRuleLookup;
  /** DestinationRules with a workloadSelector in this namespace that select these labels. */
  selectingRules(namespace: string, labels: Labels): readonly DestinationRule[];
  /** Groups a client namespace searches first, before the service namespace (step 1). */
  localGroups(namespace: string): readonly DestinationRuleGroup[];
  /** The host a rule's `host` resolves to (short names take the rule's namespace). */
  resolvedHost(rule: DestinationRule): string;
  /** Every namespace named in some `exportTo` of a rule outside it. */
  readonly namedInExportTo: ReadonlySet<string>;
  exportedToAll(rule: DestinationRule): boolean;
}

class HostTable {
  readonly specific = new Map<string, DestinationRuleGroup[]>();
  readonly wildcard = new Map<string, DestinationRuleGroup[]>();
  private ordered: string[] | null = null;

  add(host: string, rule: DestinationRule, exportTo: ReadonlySet<string>): void {
    const map = host.startsWith('*') ? this.wildcard : this.specific;
    map.set(host, merge(map.get(host) ?? [], host, rule, exportTo));
    this.ordered = null;
  }

  /** `MostSpecificHostMatch` (`pilot/pkg/model/config.go`). */
  match(needle: string): readonly DestinationRuleGroup[] | null {
    if (needle.startsWith('*')) {
      const exact = this.wildcard.get(needle);
      if (exact) return exact;
      return this.wildcardMatch(needle.slice(1));
    }
    return this.specific.get(needle) ?? this.wildcardMatch(needle);
  }

  /** Longest wildcard first, then alphabetical: `host.MoreSpecific` is a total order on them. */
  private wildcardMatch(needle: string): readonly DestinationRuleGroup[] | null {
    this.ordered ??= [...this.wildcard.keys()].sort(
      (a, b) => b.length - a.length || compareText(a, b),
    );
    for (const host of this.ordered)
      if (needle.endsWith(host.slice(1))) return this.wildcard.get(host) ?? null;
    return null;
  }

  groups(): DestinationRuleGroup[] {
    return [...this.specific.values(), ...this.wildcard.values()].flat();
  }
}

/**
 * `mergeDestinationRule` with `ENABLE_ENHANCED_DESTINATIONRULE_MERGE` (default on): a rule merges
 * into every earlier group with the same exportTo (or a subset of it) and a compatible selector,
 * adding its new subsets and, when the group has none, its traffic policy.
 */
function merge(
  groups: readonly DestinationRuleGroup[],
  host: string,
  rule: DestinationRule,
  exportTo: ReadonlySet<string>,
): DestinationRuleGroup[] {
  let appendSeparately = true;
  const out = groups.map((group) => {
    if (setsEqual(exportTo, group.exportTo)) appendSeparately = false;
    else {
      appendSeparately = true;
      if (!(group.exportTo.size > 0 && isSuperset(exportTo, group.exportTo))) return group;
    }
    const existing = group.first.workloadSelector;
    const incoming = rule.workloadSelector;
    const bothWith = existing !== null && incoming !== null;
    const selectorsMatch = labelsEqual(existing?.matchLabels ?? {}, incoming?.matchLabels ?? {});
    if (bothWith && !selectorsMatch) {
      appendSeparately = true;
      return group;
    }
    if ((existing === null && incoming === null) || (bothWith && selectorsMatch))
      appendSeparately = false;
    const names = new Set(group.subsets.map((s) => s.name));
    const adopt = group.trafficPolicy === null && rule.trafficPolicy !== null;
    return {
      ...group,
      members: [...group.members, rule],
      subsets: [...group.subsets, ...rule.subsets.filter((s) => !names.has(s.name))],
      trafficPolicy: adopt ? rule.trafficPolicy : group.trafficPolicy,
      trafficPolicyFrom: adopt ? rule : group.trafficPolicyFrom,
    };
  });
  if (appendSeparately) out.push(newGroup(host, rule, exportTo));
  return out;
}

function newGroup(
  host: string,
  rule: DestinationRule,
  exportTo: ReadonlySet<string>,
): DestinationRuleGroup {
  return {
    host,
    first: rule,
    members: [rule],
    exportTo,
    trafficPolicy: rule.trafficPolicy,
    trafficPolicyFrom: rule.trafficPolicy === null ? null : rule,
    subsets: rule.subsets,
  };
}

/** `ResolveShortnameToFQDN`: only a name without a dot is expanded, with the rule's namespace. */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.') || host.includes(':')) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** Istio's order for DestinationRules: rules with a workloadSelector first, then by age. */
function compareRules(a: DestinationRule, b: DestinationRule): number {
  const selector = (r: DestinationRule) => (r.workloadSelector === null ? 1 : 0);
  return selector(a) - selector(b) || compareAge(a, b);
}

export function indexDestinationRules(mesh: Mesh): DestinationRuleIndex {
  const root = mesh.settings.rootNamespace.value;
  const defaultPrivate = (mesh.settings.defaultDestinationRuleExportTo.value ?? []).includes('.');
  const local = new Map<string, HostTable>();
  const exported = new Map<string, HostTable>();
  const rootLocal = new HostTable();
  const selectorRules = new Map<string, DestinationRule[]>();
  const namedInExportTo = new Set<string>();
  const exportSetOf = new Map<DestinationRule, ReadonlySet<string>>();
  const rules = [...mesh.destinationRules].filter((r) => r.host.value !== '').sort(compareRules);
  for (const rule of rules) {
    const namespace = rule.ref.namespace;
    const host = resolveHost(rule.host.value, namespace);
    // A rule with a workloadSelector is never exported (treated as ".").
    const exportTo: ReadonlySet<string> =
      rule.workloadSelector === null ? new Set(rule.exportTo ?? []) : new Set(['.']);
    exportSetOf.set(rule, exportTo);
    for (const name of exportTo)
      if (!['.', '*', '~', namespace].includes(name)) namedInExportTo.add(name);
    if (rule.workloadSelector !== null) push(selectorRules, namespace, rule);
    if (exportTo.size === 0 || exportTo.has('*') || exportTo.has('.') || exportTo.has(namespace))
      tableOf(local, namespace).add(host, rule, exportTo);
    const privateOnly =
      (exportTo.size === 0 && defaultPrivate) ||
      (exportTo.size === 1 && (exportTo.has('.') || exportTo.has(namespace)));
    if (!privateOnly) tableOf(exported, namespace).add(host, rule, exportTo);
    else if (namespace === root) rootLocal.add(host, rule, exportTo);
  }
  const visible = (group: DestinationRuleGroup, client: string) =>
    group.exportTo.size === 0 || group.exportTo.has('*') || group.exportTo.has(client);
  const exportedFrom = (owner: string, host: string, client: string) =>
    (exported.get(owner)?.match(host) ?? []).filter((g) => visible(g, client));
  return {
    lookup(client, labels, host, hostNamespace) {
      const first =
        client === root ? rootLocal.match(host) : (local.get(client)?.match(host) ?? null);
      if (first !== null) return choose(first, 'client namespace', client, labels);
      const fromService = exportedFrom(hostNamespace, host, client);
      if (fromService.length > 0) return choose(fromService, 'service namespace', client, labels);
      const fromRoot = exportedFrom(root, host, client);
      if (fromRoot.length > 0) return choose(fromRoot, 'root namespace', client, labels);
      return { chosen: null, step: null, found: [] };
    },
    selectingRules: (namespace, labels) =>
      (selectorRules.get(namespace) ?? []).filter((r) =>
        selects(r.workloadSelector?.matchLabels ?? {}, labels),
      ),
    localGroups: (namespace) =>
      (namespace === root ? rootLocal : local.get(namespace))?.groups() ?? [],
    resolvedHost: (rule) => resolveHost(rule.host.value, rule.ref.namespace),
    namedInExportTo,
    exportedToAll(rule) {
      const set = exportSetOf.get(rule) ?? new Set<string>();
      return (set.size === 0 && !defaultPrivate) || set.has('*');
    },
  };
}

/**
 * `SidecarScope.DestinationRule`: the first rule with a workloadSelector of the client's namespace
 * that selects the client, else the last rule without one, else none. A namespace whose only match
 * is a selector rule for other workloads therefore leaves this client with no rule at all.
 */
function choose(
  found: readonly DestinationRuleGroup[],
  step: LookupStep,
  client: string,
  labels: Labels,
): DestinationRuleLookup {
  let catchAll: DestinationRuleGroup | null = null;
  for (const group of found) {
    const selector = group.first.workloadSelector;
    if (selector === null) catchAll = group;
    else if (group.first.ref.namespace === client && selects(selector.matchLabels, labels))
      return { chosen: group, step, found };
  }
  return { chosen: catchAll, step, found };
}

function tableOf(map: Map<string, HostTable>, namespace: string): HostTable {
  let table = map.get(namespace);
  if (table === undefined) {
    table = new HostTable();
    map.set(namespace, table);
  }
  return table;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function setsEqual(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function isSuperset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...b].every((x) => a.has(x));
}

function labelsEqual(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Does a rule's resolved host cover a known host (`MostSpecificHostMatch` without ranking)? */
export function ruleHostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost === host) return true;
  if (!ruleHost.startsWith('*')) return false;
  const needle = host.startsWith('*') ? host.slice(1) : host;
  return needle.endsWith(ruleHost.slice(1));
}
