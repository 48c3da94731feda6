import { describe, expect, it } from 'vitest';
import {
  FINDING_FINGERPRINT,
  renderFindingsSarif,
} from '../../src/analysis/render/findings-sarif.js';
import type { Report } from '../../src/analysis/report/types.js';
import { smallReport } from './fixtures.js';

describe('findings as SARIF', () => {
  const sarif = JSON.parse(renderFindingsSarif(smallReport, { toolVersion: '0.1.0' }));
  const [run] = sarif.runs;

  it('reports each finding at its line, most severe first, with its rule from the catalogue', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(
      run.results.map(
        (r: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) => [
          r.ruleId,
          r.level,
          r.locations[0]?.physicalLocation.artifactLocation.uri,
          r.locations[0]?.physicalLocation.region.startLine,
        ],
      ),
    ).toEqual([
      ['MG011', 'error', 'mesh/payments/authz.yaml', 22],
      ['MG901', 'warning', 'mesh/db/policy.yaml', 3],
    ]);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['MG011', 'MG901']);
  });

  it('fingerprints each result with the finding id, so alerts survive line moves', () => {
    expect(
      run.results.map(
        (r: { partialFingerprints: Record<string, string> }) =>
          r.partialFingerprints[FINDING_FINGERPRINT],
      ),
    ).toEqual(smallReport.findings.map((f) => f.id));
  });

  it('leaves ignored findings out', () => {
    expect(run.results.some((r: { ruleId: string }) => r.ruleId === 'MG010')).toBe(false);
  });

  it('is byte-stable whatever order the findings arrive in', () => {
    const reversed: Report = { ...smallReport, findings: [...smallReport.findings].reverse() };
    expect(renderFindingsSarif(reversed, { toolVersion: '0.1.0' })).toBe(
      renderFindingsSarif(smallReport, { toolVersion: '0.1.0' }),
    );
  });
});
