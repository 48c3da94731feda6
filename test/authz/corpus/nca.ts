import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { outsidePeer } from '../../../src/analysis/authz/identity.js';
import { relation } from '../../../src/analysis/authz/request-set.js';
import type { RequestSet } from '../../../src/analysis/authz/request-set.js';
import type { PeerIdentity } from '../../../src/analysis/topology/callers.js';
import { side } from '../support.js';

/**
 * Reads IBM Network Config Analyzer scheme files (`test/corpus/nca-istio`, README "How to read a
 * test case") and answers their `equivalence` queries with meshguard: a config (or one policy of
 * it, `config/namespace/name`) is loaded over the scheme's topology with NCA's root namespace
 * `istio-config`; two configs are equivalent when every caller identity (each service account of
 * the topology, and in the open world also plaintext and an identity from outside) gets the same
 * request set on every workload port.
 */

export const NCA = join(import.meta.dirname, '..', '..', 'corpus', 'nca-istio', 'tests');

interface Scheme {
  readonly dir: string;
  readonly topology: Record<string, string>;
  readonly configs: ReadonlyMap<string, readonly string[]>;
  readonly queries: readonly { name: string; equivalence?: string[]; expected: number }[];
}

export function readScheme(path: string, extraTopology: readonly string[] = []): Scheme {
  const file = join(NCA, path);
  const dir = dirname(file);
  const scheme = parse(readFileSync(file, 'utf8')) as {
    podList?: string;
    networkConfigList: { name: string; networkPolicyList?: string[] }[];
    queries: { name: string; equivalence?: string[]; expected: number }[];
  };
  const topology: Record<string, string> = {};
  for (const p of [scheme.podList, ...extraTopology]) {
    if (p === undefined) continue;
    const text = readFileSync(join(dir, p), 'utf8');
    topology[`topology/${p.replace(/\W+/g, '-')}${p.endsWith('.json') ? '.json' : '.yaml'}`] = text;
  }
  const configs = new Map(
    scheme.networkConfigList.map((c) => [
      c.name,
      (c.networkPolicyList ?? []).map((f) => join(dir, f)),
    ]),
  );
  return { dir, topology, configs, queries: scheme.queries };
}

/** The documents of a config entry: `config` or `config/namespace/policy`. */
function configDocuments(scheme: Scheme, entry: string): string {
  const [config = '', namespace, name] = entry.split('/');
  const files = scheme.configs.get(config);
  if (files === undefined) throw new Error(`no config ${config}`);
  const docs = files.flatMap((f) =>
    parseAllDocuments(readFileSync(f, 'utf8'))
      .map((d) => d.toJS() as { metadata?: { namespace?: string; name?: string } } | null)
      .filter((d) => d !== null),
  );
  const picked =
    name === undefined
      ? docs
      : docs.filter(
          (d) => d?.metadata?.name === name && (d.metadata.namespace ?? 'default') === namespace,
        );
  if (picked.length === 0) throw new Error(`no policy ${entry}`);
  return picked.map((d) => stringify(d)).join('\n---\n');
}

export type Fingerprint = ReadonlyMap<string, RequestSet>;

/** Every (workload port, caller) answer of one config. */
export function fingerprint(
  scheme: Scheme,
  entry: string,
  options: { closedWorld: boolean },
): Fingerprint {
  const s = side(
    { ...scheme.topology, 'policies.yaml': configDocuments(scheme, entry) },
    { meshSettings: { rootNamespace: 'istio-config' } },
  );
  const settings = s.engine.settings;
  // NCA's closed world: every pod has a sidecar, no caller comes from outside the manifests.
  const peers = new Map<string, PeerIdentity | null>(
    options.closedWorld
      ? []
      : [
          ['plaintext', null],
          ['outside', outsidePeer(settings)],
        ],
  );
  for (const node of s.topology.workloads) {
    const peer = s.peer(`${node.namespace}/${node.workload.serviceAccountName.value}`);
    peers.set(peer.principal, peer);
  }
  const out = new Map<string, RequestSet>();
  for (const node of s.topology.workloads)
    for (const port of node.ports)
      for (const [name, peer] of peers)
        out.set(`${node.id}:${port.port} <- ${name}`, s.access(node.id, port.port, peer).allowed);
  return out;
}

/** The (workload port, caller) pairs whose answers differ. */
export function differences(a: Fingerprint, b: Fingerprint): string[] {
  return [...a.keys()].filter((key) => {
    const other = b.get(key);
    return other === undefined || relation(a.get(key) ?? other, other) !== 'equal';
  });
}
