import { describe, expect, it } from 'vitest';
import { generateMesh, mutate } from '../../bench/generate-mesh.js';
import type { MeshFile } from '../../bench/generate-mesh.js';
import { generatePodListJson } from '../../bench/generate-pods-json.js';
import { fastParseOrThrow } from '../../src/analysis/load/yaml/fast-parse.js';
import { parseWithYaml, splitDocuments } from '../../src/analysis/load/yaml/index.js';
import type { YamlMap, YamlNode } from '../../src/analysis/load/yaml/types.js';

/** Every document of the mesh, in file order, without its `---` line. */
function documents(files: readonly MeshFile[]): string[] {
  return files.flatMap((f) =>
    (splitDocuments(f.text) ?? []).map((c) => c.text.replace(/^---\n/, '')),
  );
}

function get(node: YamlNode | null | undefined, ...path: string[]): YamlNode | null | undefined {
  let current = node;
  for (const key of path) {
    if (current?.type !== 'map') return undefined;
    current = current.pairs.find((p) => p.key === key)?.value;
  }
  return current;
}

const text = (node: YamlNode | null | undefined): unknown =>
  node?.type === 'scalar' ? node.value : undefined;

function kinds(files: readonly MeshFile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of documents(files)) {
    const kind = String(text(get(parseWithYaml(doc).root, 'kind')));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

describe('generateMesh', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(generateMesh({ workloads: 120, seed: 3 })).toEqual(
      generateMesh({ workloads: 120, seed: 3 }),
    );
    expect(generateMesh({ workloads: 120, seed: 3 })).not.toEqual(
      generateMesh({ workloads: 120, seed: 4 }),
    );
  });

  it('writes about 1.65 KB of YAML per workload', () => {
    const files = generateMesh({ workloads: 1000, seed: 1 });
    const perWorkload = files.reduce((sum, f) => sum + f.text.length, 0) / 1000;
    expect(perWorkload).toBeGreaterThan(1500);
    expect(perWorkload).toBeLessThan(1800);
  });

  it('creates the requested objects, with the documented defaults', () => {
    const counts = kinds(generateMesh({ workloads: 200, seed: 1 }));
    expect(Object.fromEntries(counts)).toEqual({
      Namespace: 1 + 4,
      Deployment: 200,
      Service: 200,
      ServiceAccount: 200,
      AuthorizationPolicy: 1 + 200,
      PeerAuthentication: 1 + 1 + 10,
      DestinationRule: 40,
      ServiceEntry: 1,
      Sidecar: 2,
    });
    const custom = kinds(
      generateMesh({
        workloads: 100,
        authorizationPolicies: 7,
        peerAuthentications: 0,
        destinationRules: 3,
        seed: 1,
      }),
    );
    expect([
      custom.get('AuthorizationPolicy'),
      custom.get('PeerAuthentication'),
      custom.get('DestinationRule'),
    ]).toEqual([8, 2, 3]);
  });

  it('labels namespaces for injection, except the legacy one', () => {
    const namespaces = documents(generateMesh({ workloads: 200, seed: 1 }))
      .map((doc) => parseWithYaml(doc).root)
      .filter((root) => text(get(root, 'kind')) === 'Namespace');
    const labels = (root: YamlNode | null): string[] =>
      ((get(root, 'metadata', 'labels') as YamlMap | undefined)?.pairs ?? []).map((p) => p.key);
    const legacy = namespaces.find((ns) => text(get(ns, 'metadata', 'name')) === 'legacy');
    expect(legacy && labels(legacy)).toEqual(['team']);
    const meshNamespaces = namespaces.filter((ns) =>
      String(text(get(ns, 'metadata', 'name'))).startsWith('mesh-'),
    );
    expect(
      meshNamespaces.every((ns) =>
        labels(ns).some((l) => l === 'istio-injection' || l === 'istio.io/rev'),
      ),
    ).toBe(true);
  });

  it('lays out the same documents in every layout', () => {
    const sorted = (files: MeshFile[]): string[] => documents(files).sort();
    const perObject = generateMesh({ workloads: 60, seed: 2, layout: 'file-per-object' });
    const perNamespace = generateMesh({ workloads: 60, seed: 2, layout: 'file-per-namespace' });
    const single = generateMesh({ workloads: 60, seed: 2, layout: 'single-file' });
    expect(perObject.every((f) => splitDocuments(f.text)?.length === 1)).toBe(true);
    expect(new Set(perObject.map((f) => f.path)).size).toBe(perObject.length);
    expect(single).toHaveLength(1);
    expect(sorted(perNamespace)).toEqual(sorted(perObject));
    expect(sorted(single)).toEqual(sorted(perObject));
  });

  it('writes valid YAML that the fast path reads entirely', () => {
    for (const doc of documents(generateMesh({ workloads: 150, seed: 5 }))) {
      const reference = parseWithYaml(doc);
      expect(reference.problems).toEqual([]);
      expect(fastParseOrThrow(doc)).toStrictEqual(reference);
    }
  });
});

describe('mutate', () => {
  const base = generateMesh({ workloads: 1000, seed: 9, layout: 'file-per-object' });

  it('changes about the requested share of authorization policies and nothing else', () => {
    const head = mutate(base, 0.1, 1);
    const changed = head.filter((f, i) => f.text !== base[i]?.text);
    expect(changed.length).toBeGreaterThan(60);
    expect(changed.length).toBeLessThan(140);
    expect(changed.every((f) => f.text.includes('kind: AuthorizationPolicy'))).toBe(true);
    expect(changed.every((f) => parseWithYaml(f.text).problems.length === 0)).toBe(true);
    // The mesh-wide default deny has no selector and is never touched.
    expect(head.find((f) => f.text.includes('name: deny-all'))?.text).toBe(
      base.find((f) => f.text.includes('name: deny-all'))?.text,
    );
  });

  it('is deterministic and keeps untouched files as they were', () => {
    expect(mutate(base, 0.1, 1)).toEqual(mutate(base, 0.1, 1));
    const head = mutate(base, 0.1, 1);
    expect(head.filter((f, i) => f === base[i]).length).toBe(
      head.filter((f, i) => f.text === base[i]?.text).length,
    );
  });
});

describe('generatePodListJson', () => {
  it('writes a kubectl-style List that both parsers read the same way', () => {
    for (const indent of [0, 4]) {
      const json = generatePodListJson({ pods: 20, seed: 1, indent });
      const parsed = JSON.parse(json) as { kind: string; items: unknown[] };
      expect(parsed.kind).toBe('List');
      expect(parsed.items).toHaveLength(20);
      expect(fastParseOrThrow(json)).toStrictEqual(parseWithYaml(json));
    }
  });
});
