import { describe, expect, it } from 'vitest';
import {
  FINDING_FINGERPRINT,
  renderFindingsSarif,
} from '../../src/analysis/render/findings-sarif.js';
import type { Report } from '../../src/analysis/report/types.js';
import { renderSarif } from '../../src/analysis/render/sarif.js';
import { at, finding, makeReport, smallReport } from './fixtures.js';

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

  it('names only the file for a base-side finding, and says where in the base it is', () => {
    const base = finding(
      'MG302',
      at('mesh/old.yaml', 19),
      { to: '`shop/db:5432`', requests: '' },
      { side: 'base' },
    );
    const log = JSON.parse(
      renderFindingsSarif(makeReport({ findings: [base] }), { toolVersion: '0.1.0' }),
    );
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'mesh/old.yaml' },
    });
    expect(result.message.text).toMatch(/ \(line 19 of mesh\/old\.yaml in the base commit\)$/);
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

describe('user text in SARIF', () => {
  const render = (file: string, detail: string) => {
    const report = makeReport({ findings: [finding('MG018', at(file, 4), { detail })] });
    const log = JSON.parse(renderFindingsSarif(report, { toolVersion: '0.1.0' }));
    const [result] = log.runs[0].results;
    return {
      uri: result.locations[0].physicalLocation.artifactLocation.uri as string,
      text: result.message.text as string,
    };
  };

  it('percent-encodes each segment of the file path, keeping the separators', () => {
    const { uri } = render('mesh/cart #1 100% ?x.yaml', 'x');
    expect(uri).toBe('mesh/cart%20%231%20100%25%20%3Fx.yaml');
    // Read back as a URI reference, the whole name is the path: no fragment, no query.
    const url = new URL(uri, 'file:///repo/');
    expect([url.hash, url.search]).toEqual(['', '']);
    expect(decodeURIComponent(url.pathname)).toBe('/repo/mesh/cart #1 100% ?x.yaml');
    expect(render('a/\u00e9:b.yaml', 'x').uri).toBe('a/%C3%A9%3Ab.yaml');
    expect(render('lone \uD800.yaml', 'x').uri).toBe('lone%20%EF%BF%BD.yaml');
  });

  it('escapes square brackets, and a backslash before one, so nothing reads as a link', () => {
    expect(render('a.yaml', 'see [here](1) \\[x\\\\] \\ a\\b').text).toBe(
      'see \\[here\\](1) \\\\\\[x\\\\\\\\\\] \\ a\\b',
    );
  });

  it('does the same for validation diagnostics', () => {
    const item = finding('MG018', at('x y/[1].yaml', 1), { detail: '[a]' });
    const [result] = JSON.parse(renderSarif([item], { toolVersion: '0.1.0' })).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('x%20y/%5B1%5D.yaml');
    expect(result.message.text).toContain('\\[a\\]');
  });
});
