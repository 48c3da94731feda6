import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/analysis/authz/classes.js';
import { outsidePeer, workloadPeer } from '../../src/analysis/authz/identity.js';
import { relation } from '../../src/analysis/authz/request-set.js';
import { buildTopology } from '../../src/analysis/topology/index.js';
import { load } from '../support/load.js';
import { documents, policy, side, workload } from './support.js';

/**
 * The whole-graph evaluation by classes must give, for every caller and port, exactly the answer
 * of evaluating that pair directly; it must share evaluators between destinations with the same
 * policies, and callers no policy tells apart.
 */

const NAMESPACES = ['a', 'b', 'ns', 'sa'];
const SOURCES = [
  { principals: ['cluster.local/ns/a/sa/w0'] },
  { principals: ['cluster.local/ns/b/*'] },
  { namespaces: ['a'] },
  { namespaces: ['sa'] },
  { namespaces: ['*s'] },
  { notNamespaces: ['b'] },
  { serviceAccounts: ['ns/w1'] },
  { principals: ['*'] },
];

const meshArb = fc.record({
  policies: fc.array(
    fc.record({
      namespace: fc.constantFrom(...NAMESPACES, 'istio-system'),
      selector: fc.option(fc.constantFrom('w0', 'w1'), { nil: undefined }),
      action: fc.constantFrom('ALLOW', 'DENY'),
      sources: fc.subarray(SOURCES, { minLength: 1, maxLength: 2 }),
      methods: fc.option(fc.constantFrom(['GET'], ['POST', 'PUT']), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
});

describe('evaluateGraph', () => {
  it('agrees with direct evaluation for every caller identity, plaintext and outside callers', () => {
    fc.assert(
      fc.property(meshArb, ({ policies }) => {
        const apps = NAMESPACES.flatMap((ns) => ['w0', 'w1'].map((name) => workload(ns, name)));
        const docs = policies.map((p, i) =>
          policy(p.namespace, `p${i}`, {
            action: p.action,
            ...(p.selector ? { selector: { matchLabels: { app: p.selector } } } : {}),
            rules: [
              {
                from: p.sources.map((source) => ({ source })),
                ...(p.methods ? { to: [{ operation: { methods: p.methods } }] } : {}),
              },
            ],
          }),
        );
        const text = documents(...apps, ...docs);
        const direct = side(text);
        const mesh = load(text).mesh;
        const graph = evaluateGraph(mesh, buildTopology(mesh));
        const peers = [
          null,
          outsidePeer(mesh.settings),
          ...NAMESPACES.flatMap((ns) =>
            ['w0', 'w1'].map((sa) => workloadPeer(mesh.settings, ns, sa)),
          ),
        ];
        for (const port of graph.ports)
          for (const peer of peers) {
            const expected = direct.access(port.workload.id, port.port.port, peer);
            const actual = port.accessFor(peer);
            expect({
              to: port.workload.id,
              from: peer?.principal ?? null,
              relation: relation(expected.allowed, actual.allowed),
              access: actual.access,
            }).toEqual({
              to: port.workload.id,
              from: peer?.principal ?? null,
              relation: 'equal',
              access: expected.access,
            });
          }
      }),
      { numRuns: 40 },
    );
  });

  it('shares evaluators and caller classes', () => {
    const apps = ['x', 'y', 'z'].flatMap((ns) =>
      ['w0', 'w1', 'w2'].map((name) => workload(ns, name)),
    );
    const docs = [
      policy('istio-system', 'mesh-allow-nothing', {}),
      policy('x', 'allow-a', {
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/y/sa/w0'] } }] }],
      }),
    ];
    const mesh = load(documents(...apps, ...docs)).mesh;
    const graph = evaluateGraph(mesh, buildTopology(mesh));
    // Workloads in x share one evaluator; y and z share another (mesh allow-nothing only).
    expect(graph.stats).toMatchObject({
      workloads: 9,
      ports: 9,
      identities: 9,
      destinationClasses: 2,
    });
    // Caller classes evaluated: x: plaintext, everyone else, y/w0; y and z: plaintext, everyone.
    expect(graph.stats.callerClasses).toBe(5);
    const x0 = graph.ports.find((p) => p.workload.id === 'x/w0')!;
    expect([...x0.byPrincipal.keys()]).toEqual(['cluster.local/ns/y/sa/w0']);
    expect(x0.otherIdentities.access).toBe('deny');
    expect(x0.accessFor(workloadPeer(mesh.settings, 'y', 'w0')).access).toBe('allow');
  });
});
