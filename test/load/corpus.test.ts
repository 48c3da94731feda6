import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadMesh } from '../../src/analysis/load/index.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const ISTIO_KINDS = new Set([
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'DestinationRule',
  'ServiceEntry',
  'Sidecar',
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const manifests = walk(CORPUS)
  .filter((path) => /\.(ya?ml|json)$/.test(path))
  .map((path) => ({ path: relative(CORPUS, path), text: readFileSync(path, 'utf8') }));

/** An independent count of Istio objects, straight from the `yaml` package (List items included). */
function istioObjectsIn(text: string): number {
  let count = 0;
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const object = value as { apiVersion?: unknown; kind?: unknown; items?: unknown };
    if (
      typeof object.kind === 'string' &&
      /\.istio\.io\//.test(String(object.apiVersion)) &&
      ISTIO_KINDS.has(object.kind)
    )
      count++;
    if (Array.isArray(object.items)) object.items.forEach(visit);
  };
  for (const doc of parseAllDocuments(text)) if ('toJS' in doc) visit(doc.toJS());
  return count;
}

describe('the conformance corpus', () => {
  it('has the files we expect to read', () => {
    expect(manifests.length).toBeGreaterThan(500);
  });

  it('loads as a whole without a crash or a YAML syntax error', () => {
    const result = loadMesh(manifests);
    expect(result.diagnostics.filter((d) => d.code === 'MG001')).toEqual([]);
    expect(result.stats.documents).toBeGreaterThan(900);
  });

  it('models every Istio resource in every file, or says why not', () => {
    const unexplained: string[] = [];
    let modelled = 0;
    for (const file of manifests) {
      const expected = istioObjectsIn(file.text);
      if (expected === 0) continue;
      const { mesh, diagnostics } = loadMesh([file]);
      const got =
        mesh.peerAuthentications.length +
        mesh.authorizationPolicies.length +
        mesh.requestAuthentications.length +
        mesh.destinationRules.length +
        mesh.serviceEntries.length +
        mesh.sidecars.length;
      const rejected = new Set(
        diagnostics
          .filter((d) => d.severity === 'error' && d.ref && ISTIO_KINDS.has(d.ref.kind))
          .map((d) => `${d.ref?.kind}/${d.ref?.namespace}/${d.ref?.name}`),
      );
      const duplicates = diagnostics.filter((d) => d.code === 'MG012').length;
      modelled += got;
      if (got + rejected.size + duplicates !== expected)
        unexplained.push(
          `${file.path}: ${expected} in file, ${got} modelled, ${rejected.size} rejected`,
        );
    }
    expect(unexplained).toEqual([]);
    expect(modelled).toBeGreaterThan(300);
  });
});
