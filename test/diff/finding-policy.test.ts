import { describe, expect, it } from 'vitest';
import {
  applyFindingPolicy,
  findingKeys,
  verdictOf,
} from '../../src/analysis/diff/finding-policy.js';
import type { Finding } from '../../src/analysis/findings/finding.js';

const at = (line: number) => ({ file: 'p.yaml', documentIndex: 0, line, column: 1 });
const finding = (
  id: string,
  code: Finding['code'],
  severity: Finding['severity'],
  line = 1,
): Finding => ({
  id,
  code,
  severity,
  message: id,
  at: at(line),
  side: 'head',
  ref: { kind: 'AuthorizationPolicy', namespace: 'shop', name: id },
});

describe('configuration applied to findings', () => {
  const raw = [
    finding('a', 'MG011', 'error', 3),
    finding('b', 'MG010', 'warning', 1),
    finding('c', 'MG006', 'warning', 2),
  ];

  it('orders findings by severity then position, and fails on the configured level', () => {
    const { findings } = applyFindingPolicy(raw, new Set(), {});
    expect(findings.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(verdictOf(findings, 'error')).toBe('fail');
    expect(verdictOf(findings.slice(1), 'error')).toBe('pass');
    expect(verdictOf(findings.slice(1), 'warning')).toBe('fail');
    expect(verdictOf(findings, 'never')).toBe('pass');
  });

  it('applies severity overrides and drops codes turned off', () => {
    const { findings } = applyFindingPolicy(raw, new Set(), {
      severities: { MG011: 'notice', MG010: 'off' },
    });
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['c', 'warning'],
      ['a', 'notice'],
    ]);
  });

  it('moves ignored findings aside with their reason, by code, id or object, until they expire', () => {
    const options = {
      today: '2026-11-25',
      ignores: [
        {
          code: 'MG011' as const,
          object: 'AuthorizationPolicy shop/a',
          reason: 'tracked in PLAT-12',
          expires: '2026-12-31',
        },
        { code: 'MG010' as const, id: 'b', reason: 'expired', expires: '2026-01-01' },
        { code: 'MG006' as const, reason: 'legacy objects', expires: '2026-11-25' },
      ],
    };
    const outcome = applyFindingPolicy(raw, new Set(), options);
    expect(outcome.findings.map((f) => [f.id, f.message])).toEqual([
      ['b', 'b (its ignore expired on 2026-01-01)'],
    ]);
    expect(outcome.ignored.map((i) => [i.finding.id, i.reason])).toEqual([
      ['a', 'tracked in PLAT-12'],
      ['c', 'legacy objects'],
    ]);
  });

  it('never fails a change for a finding the base already had', () => {
    const outcome = applyFindingPolicy(raw, new Set(['a']), {});
    expect(outcome.findings.map((f) => f.id)).toEqual(['b', 'c']);
    expect(outcome.ignored).toEqual([
      { finding: raw[0], reason: 'already present before this change' },
    ]);
  });

  it('knows a base finding whose id moved with a refactor by its code, object and message', () => {
    // The same MG213 on a rule that moved from index 1 to 0: another id, the same finding.
    const before = { ...finding('MG213:rules[1]', 'MG213', 'warning'), message: 'method `get`' };
    const after = { ...before, id: 'MG213:rules[0]', at: at(9) };
    const outcome = applyFindingPolicy([after], new Set(findingKeys(before)), {});
    expect(outcome.findings).toEqual([]);
    expect(outcome.ignored.map((i) => i.reason)).toEqual(['already present before this change']);
    // Another policy's finding with the same words is new.
    const elsewhere = {
      ...after,
      ref: { kind: 'AuthorizationPolicy', namespace: 'shop', name: 'x' },
    };
    expect(applyFindingPolicy([elsewhere], new Set(findingKeys(before)), {}).findings).toEqual([
      elsewhere,
    ]);
  });
});
