import { describe, expect, it } from 'vitest';
import { explainChange, problemMessage } from '../../src/analysis/explain/index.js';
import { renderChangeMarkdown } from '../../src/analysis/render/explain-markdown.js';
import { BARE_URL, ISSUE_REF, MENTION, proseText, renderGfm } from '../render/gfm.js';
import { docs, ns, service, workload } from '../mtls/fixtures.js';
import { yaml } from '../support/load.js';
import { exampleSide, query, sideOf } from './support.js';

function render(from: string, to: string, port: number | null) {
  const result = explainChange(exampleSide('base'), exampleSide('head'), query(from, to, { port }));
  if (result.kind !== 'answer') throw new Error(problemMessage(result.problem));
  return renderChangeMarkdown(result.explanation, {
    labels: { base: '1111111', head: '2222222' },
    linkToLine: (side, file, line) => `https://github.example/${side}/${file}#L${line}`,
  });
}

describe('the /mesh explain answer in Markdown', () => {
  it('puts the decision of both sides in a table, then what changed, then the deciding lines', () => {
    const markdown = render('istio-ingress/ingressgateway', 'shop/frontend', 8080);
    const document = renderGfm(markdown);
    const cells = [...document.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['8080', 'allowed for some requests: GET, POST (mTLS)', 'denied (mTLS)']);
    expect(markdown).toContain(
      '- port 8080: allowed for some requests: GET, POST \u2192 **denied**\n' +
        '- AuthorizationPolicy shop/frontend no longer applies: its selector wants `app=frontend`; the workload has `app=web-frontend` ([examples/head/shop/authorization.yaml:9](https://github.example/head/examples/head/shop/authorization.yaml#L9))',
    );
    // The base's deciding rule links to the base commit's line.
    const links = [...document.querySelectorAll('a')].map(
      (a) => `${a.textContent} ${a.getAttribute('href')}`,
    );
    expect(links).toContain(
      'examples/base/shop/authorization.yaml:13 https://github.example/base/examples/base/shop/authorization.yaml#L13',
    );
  });

  it('for a broken head, shows the transport evidence and what authorization would decide over mTLS', () => {
    const markdown = render('shop/checkout', 'payments/payments', null);
    expect(markdown).toContain(
      '- port 8443 transport: mTLS \u2192 **broken (the connection fails)**',
    );
    expect(markdown).toContain(
      '    - DestinationRule payments/payments: tls mode DISABLE \\(service namespace\\) ([examples/head/payments/policies.yaml:30](https://github.example/head/examples/head/payments/policies.yaml#L30))',
    );
    expect(markdown).toContain(
      '  - if it connected over mTLS it would be allowed for some requests',
    );
  });

  it('shows the nearest ALLOW rule and what it still requires for a denial', () => {
    const markdown = render('legacy/reports', 'legacy/inventory', 8080);
    expect(markdown).toContain(
      '    - `from`: `principals: cluster.local/ns/shop/sa/catalog` ([examples/base/legacy/workloads.yaml:103](https://github.example/base/examples/base/legacy/workloads.yaml#L103))',
    );
  });

  it('keeps hostile file names inert: no link, mention, issue reference, HTML or comment marker', () => {
    const hostile = 'p/[x](https://evil.example) @octo-org/admins #12 <img src=x> <!-- x -->.yaml';
    const mesh = (extra: string) =>
      sideOf({
        'ns.yaml': ns('shop', { 'istio-injection': 'enabled' }),
        'shop.yaml': docs(
          workload({ ns: 'shop', name: 'a', ports: [80] }),
          workload({ ns: 'shop', name: 'b', ports: [80] }),
          service({ ns: 'shop', name: 'b', ports: [{ port: 80 }] }),
        ),
        [hostile]: yaml`
          apiVersion: security.istio.io/v1
          kind: AuthorizationPolicy
          metadata: {name: b, namespace: shop}
          spec:
            selector: {matchLabels: {app: b}}
            rules: [{to: [{operation: {methods: [${extra}]}}]}]
        `,
      });
    const result = explainChange(mesh('GET'), mesh('POST'), query('shop/a', 'shop/b'));
    if (result.kind !== 'answer') throw new Error('no answer');
    const markdown = renderChangeMarkdown(result.explanation, { linkToLine: () => null });
    const document = renderGfm(markdown);
    // The file is named where the deciding rule is cited, as text.
    expect(document.body.textContent).toContain('p/[x](https:');
    expect(markdown).toContain('.yaml:6): matches `POST`');
    expect(document.querySelectorAll('a, img')).toHaveLength(0);
    expect(markdown).not.toMatch(/<!--|-->/);
    const prose = proseText(document.body).join('\n');
    expect(prose).not.toMatch(MENTION);
    expect(prose).not.toMatch(ISSUE_REF);
    expect(prose).not.toMatch(BARE_URL);
  });
});
