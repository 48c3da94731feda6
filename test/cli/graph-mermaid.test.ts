// @vitest-environment happy-dom
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { generateMesh } from '../../bench/generate-mesh.js';
import { loadMesh } from '../../src/analysis/load/index.js';
import { buildAccessGraphView } from '../../src/analysis/graph/access-view.js';
import { evaluateLoaded } from '../../src/analysis/graph/side.js';
import { renderGraphMermaid } from '../../src/analysis/render/graph-mermaid.js';
import { parseFlowchart } from '../render/mermaid-parser.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('meshguard graph --format mermaid', () => {
  it('draws the open edges of the example mesh, which Mermaid parses', async () => {
    const run = await cli(['graph', '--format', 'mermaid', 'examples/base'], ROOT);
    expect(run.code).toBe(0);
    const chart = await parseFlowchart(run.stdout);
    // frontend may call catalog (GET /api/products...): an mTLS edge, drawn solid.
    const frontend = chart.vertices.find((v) => v.text === 'frontend');
    const catalog = chart.vertices.find((v) => v.text === 'catalog');
    const edge = chart.edges.find((e) => e.start === frontend?.id && e.end === catalog?.id);
    expect(edge).toMatchObject({ text: '8080 some', stroke: 'normal' });
    // Denied and broken edges are not drawn: nobody reaches payments but checkout.
    const payments = chart.vertices.find((v) => v.text === 'payments');
    expect(chart.edges.filter((e) => e.end === payments?.id)).toHaveLength(1);
    expect(chart.subgraphs.map((s) => s.title)).toEqual([
      'istio-ingress',
      'legacy',
      'payments',
      'shop',
    ]);
  });

  it("collapses to namespaces past the budget and stays within Mermaid's limits", async () => {
    const view = buildAccessGraphView(
      evaluateLoaded(loadMesh(generateMesh({ workloads: 300, seed: 5 }))),
      [],
    );
    const text = renderGraphMermaid(view);
    const chart = await parseFlowchart(text);
    expect(chart.edges.length).toBeLessThanOrEqual(150);
    expect(text.length).toBeLessThan(20_000);
    expect(chart.edges.every((e) => /^\d+ edges?$/.test(e.text))).toBe(true);
    expect(chart.accDescription).toMatch(/open edges shown per namespace/);
  });
});
