import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relation } from '../../../src/analysis/authz/request-set.js';
import { describeChange } from '../../../src/analysis/authz/describe.js';
import { side } from '../support.js';

/**
 * The zero-trust policy sets of GoogleCloudPlatform/anthos-service-mesh-samples
 * (`test/corpus/asm-samples`), against the edges that corpus README derives by reading them
 * (sections A, B and C): which service account may call which workload, on which port, with
 * which methods and paths. Every caller is a sidecar workload, so the server sees its identity.
 */

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');
const ASM = join(CORPUS, 'asm-samples');

function yamlFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || entry.name === 'kustomization.yaml')
      continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(CORPUS.length + 1)] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('A. Bank of Anthos: mesh-wide allow-nothing plus per-service ALLOWs', () => {
  const lab = join(ASM, 'demos/asm-mcp-multi-clusters/terraform/lab_materials');
  const s = side({
    ...yamlFiles(join(lab, 'bank-of-anthos')),
    ...yamlFiles(join(lab, 'istio-system')),
    ...yamlFiles(join(lab, 'asm-ingressgateway')),
  });
  const bank = (sa: string) => s.peer(`bank-of-anthos/${sa}`);
  const callers = [
    'frontend',
    'loadgenerator',
    'userservice',
    'contacts',
    'balancereader',
    'transactionhistory',
    'ledgerwriter',
    'accounts-db',
    'ledger-db',
  ];

  /** Destination, its port, and each allowed caller with the request lines meshguard prints. */
  const EDGES: [string, number, Record<string, string[]>][] = [
    [
      'frontend',
      8080,
      { loadgenerator: ['GET, POST'], 'asm-ingress/asm-ingressgateway': ['GET, POST'] },
    ],
    ['userservice', 8080, { frontend: ['GET, POST /login', 'GET, POST /users'] }],
    ['contacts', 8080, { frontend: ['GET /contacts/*'] }],
    ['balancereader', 8080, { frontend: ['GET /balances/*'], ledgerwriter: ['GET /balances/*'] }],
    ['transactionhistory', 8080, { frontend: ['GET /transactions/*'] }],
    ['ledgerwriter', 8080, { frontend: ['POST /transactions', 'POST /transactions/*'] }],
    ['accounts-db', 5432, { contacts: ['all requests'], userservice: ['all requests'] }],
    [
      'ledger-db',
      5432,
      {
        balancereader: ['all requests'],
        transactionhistory: ['all requests'],
        ledgerwriter: ['all requests'],
      },
    ],
  ];

  it.each(EDGES)('%s:%i', (destination, port, allowed) => {
    for (const caller of [...callers, 'asm-ingress/asm-ingressgateway']) {
      const peer = caller.includes('/') ? s.peer(caller) : bank(caller);
      const result = s.access(`bank-of-anthos/${destination}`, port, peer);
      expect({ caller, requests: result.requests }).toEqual({
        caller,
        requests: allowed[caller] ?? [],
      });
    }
    expect(s.access(`bank-of-anthos/${destination}`, port, null).access).toBe('deny');
  });
});

describe('B. Online Boutique with one ALLOW per service (principals, POST on gRPC paths)', () => {
  const ob = join(ASM, 'docs/online-boutique-asm-manifests');
  // The release manifests already define one ServiceAccount per service, as `service-accounts/all` does.
  const s = side(
    {
      'release.yaml': readFileSync(
        join(CORPUS, 'online-boutique/release/kubernetes-manifests.yaml'),
        'utf8',
      ),
      ...yamlFiles(join(ob, 'authorization-policies/all')),
    },
    { defaultNamespace: 'onlineboutique' },
  );
  const EDGES: [string, string[]][] = [
    ['adservice', ['frontend']],
    ['cartservice', ['frontend', 'checkoutservice']],
    ['checkoutservice', ['frontend']],
    ['currencyservice', ['frontend', 'checkoutservice']],
    ['emailservice', ['checkoutservice']],
    ['paymentservice', ['checkoutservice']],
    ['productcatalogservice', ['frontend', 'checkoutservice', 'recommendationservice']],
    ['recommendationservice', ['frontend']],
    ['shippingservice', ['frontend', 'checkoutservice']],
    ['redis-cart', ['cartservice']],
  ];
  const apps = [...EDGES.map(([d]) => d), 'frontend', 'loadgenerator'];

  it.each(EDGES)('%s ← %j', (destination, allowed) => {
    const node = s.topology.workloadById.get(`onlineboutique/${destination}`)!;
    for (const port of node.ports)
      for (const caller of apps) {
        const result = s.access(node.id, port.port, s.peer(`onlineboutique/${caller}`));
        expect({ caller, port: port.port, denied: result.access === 'deny' }).toEqual({
          caller,
          port: port.port,
          denied: !allowed.includes(caller),
        });
        if (allowed.includes(caller) && destination !== 'redis-cart')
          for (const line of result.requests)
            expect(line).toMatch(/^POST \/hipstershop\.\w+\/\w+$/);
      }
  });

  it('frontend takes GET and POST from any identity, and nothing from a plaintext caller', () => {
    for (const caller of apps)
      expect(
        s.access('onlineboutique/frontend', 8080, s.peer(`onlineboutique/${caller}`)).requests,
      ).toEqual(['GET, POST']);
    expect(s.access('onlineboutique/frontend', 8080, null).access).toBe('deny');
  });
});

describe('C. before/after pairs', () => {
  const docs = join(ASM, 'docs');
  const currency = (policy: string) =>
    side(
      {
        'release.yaml': readFileSync(
          join(CORPUS, 'online-boutique/release/kubernetes-manifests.yaml'),
          'utf8',
        ),
        'policy.yaml': readFileSync(join(docs, 'authorization', policy), 'utf8'),
      },
      { defaultNamespace: 'onlineboutique' },
    );

  it('currency-deny-all → currency-allow-frontend-checkout adds exactly the frontend and checkout edges', () => {
    const before = currency('currency-deny-all.yaml');
    const after = currency('currency-allow-frontend-checkout.yaml');
    for (const caller of ['frontend', 'checkoutservice', 'cartservice', 'adservice']) {
      const a = before.access(
        'onlineboutique/currencyservice',
        7000,
        before.peer(`onlineboutique/${caller}`),
      );
      const b = after.access(
        'onlineboutique/currencyservice',
        7000,
        after.peer(`onlineboutique/${caller}`),
      );
      const added = caller === 'frontend' || caller === 'checkoutservice';
      expect({
        caller,
        before: a.access,
        after: b.access,
        relation: relation(a.allowed, b.allowed),
        newly: describeChange(a, b).newlyAllowed,
      }).toEqual({
        caller,
        before: 'deny',
        after: added ? 'allow' : 'deny',
        relation: added ? 'wider' : 'equal',
        newly: added ? ['all requests'] : [],
      });
    }
  });

  const httpbin = (policy: string, aliases: string[]) =>
    side(
      {
        'workloads.yaml': [
          readFileSync(join(CORPUS, 'istio-docs-tasks/workloads/httpbin-port80.yaml'), 'utf8'),
        ].join('\n---\n'),
        'policy.yaml': readFileSync(join(docs, 'security/update-auth-policies', policy), 'utf8'),
      },
      { meshSettings: { trustDomainAliases: aliases } },
    );

  it('old-td and cluster.local principals are equivalent once old-td is an alias, and not before', () => {
    const sleep = (s: ReturnType<typeof httpbin>) => s.peer('sleep-allow/sleep');
    const pairs = [
      { aliases: ['old-td'], equal: true },
      { aliases: [], equal: false },
    ];
    for (const { aliases, equal } of pairs) {
      const old = httpbin('auth_policy_oldtd.yaml', aliases);
      const local = httpbin('auth_policy_clusterlocal.yaml', aliases);
      const a = old.access('default/httpbin', 80, sleep(old));
      const b = local.access('default/httpbin', 80, sleep(local));
      expect({ aliases, relation: relation(a.allowed, b.allowed) }).toEqual({
        aliases,
        relation: equal ? 'equal' : 'wider',
      });
      expect(b.requests).toEqual(['GET']);
    }
  });
});
