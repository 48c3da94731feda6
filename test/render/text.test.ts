import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/analysis/render/text.js';
import { emptyReport, makeReport, smallReport, edge } from './fixtures.js';

describe('the terminal report', () => {
  const text = renderText(smallReport, { baseRef: 'main', headRef: 'HEAD' });
  const lines = text.split('\n');

  it('opens with the verdict and lists each section', () => {
    expect(lines[0]).toBe(
      'meshguard: 1 new path, 1 widened path, 1 removed path, 1 narrowed path, 1 transport change, 1 mTLS downgrade, 1 mTLS upgrade \u2014 REGRESSION',
    );
    for (const title of [
      'Edge changes (5)',
      'mTLS changes (2)',
      'Workloads added or removed (2)',
      'Findings (2)',
      'Ignored findings (1)',
    ])
      expect(lines).toContain(title);
    expect(lines.at(-2)).toBe(
      'Compared base main (3 files, 12 objects, 6 workloads) with head HEAD (3 files, 12 objects, 7 workloads).',
    );
  });

  it('aligns the edge table and puts requests and reasons under each edge', () => {
    const start = lines.indexOf('Edge changes (5)');
    expect(lines.slice(start + 1, start + 6)).toEqual([
      '  CHANGE     CALLER                    DESTINATION        PORT       BEFORE              AFTER',
      '  transport  payments/* (3 workloads)  db/ledger          5432/tcp   allow, mtls         allow, plaintext',
      '    transport mtls \u2192 plaintext',
      '    why: DestinationRule db/ledger: tls.mode DISABLE (mesh/db/destination-rule.yaml:9)',
      '  widened    (unauthenticated)         payments/checkout  8080/http  partial, plaintext  partial, plaintext',
    ]);
    expect(lines.slice(start + 6, start + 8)).toEqual([
      '    + GET /admin',
      '    why: AuthorizationPolicy payments/public-health: rule 1 has no `from` (mesh/payments/authz.yaml:41)',
    ]);
  });

  it('prints findings as file:line:column: severity CODE message', () => {
    expect(lines).toContain(
      '  mesh/payments/authz.yaml:22:13: error MG011 `action` is `ALOW`, which is not one of ALLOW, DENY, AUDIT, CUSTOM',
    );
    expect(lines).toContain(
      '  mesh/web/sidecar.yaml:5:3: warning MG010 `spec.outboundTrafficPolicy` is not a field of Sidecar; it is ignored (ignored: tracked in PLAT-1234)',
    );
  });

  it('uses no colour unless asked, and ANSI colours when asked', () => {
    expect(text).not.toContain('\u001b');
    const coloured = renderText(smallReport, { color: true });
    expect(coloured).toContain('\u001b[31m\u001b[1mREGRESSION\u001b[0m\u001b[0m');
    const added = coloured
      .split('\n')
      .find((l) => l.includes('added') && l.includes('web/frontend'));
    expect(added?.startsWith('\u001b[32m')).toBe(true);
  });

  it('shows escape sequences in names instead of sending them to the terminal', () => {
    const hostile = makeReport({
      edges: [edge({ from: 'a/x\u001b[2J', to: 'b/\u202ey\n', port: 80, change: 'removed' })],
    });
    const out = renderText(hostile);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('a/x\\u{1b}[2J');
    expect(out).toContain('b/\\u{202e}y\\u{a}');
  });

  it('says there is no change when nothing changed', () => {
    expect(renderText(emptyReport)).toBe(
      'meshguard: no change in access \u2014 pass\n\nCompared base (3 files, 12 objects, 6 workloads) with head (3 files, 12 objects, 7 workloads).\n',
    );
  });
});
