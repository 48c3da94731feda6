import type { Report } from '../report/types.js';
import { sortFindings } from './order.js';
import { renderSarif } from './sarif.js';
import type { SarifOptions } from './sarif.js';

/** The fingerprint key under which each result carries its finding's stable id. */
export const FINDING_FINGERPRINT = 'meshguardFindingId/v1';

interface SarifLog {
  readonly runs: readonly { readonly results: Record<string, unknown>[] }[];
}

/**
 * SARIF for `meshguard diff --format sarif` and code scanning: the report's findings, most
 * severe first. Each result carries the finding's id as a partial fingerprint, so code scanning
 * keeps one alert per finding when unrelated edits move its line.
 *
 * Ignored findings are left out rather than emitted with SARIF `suppressions`: GitHub does not
 * dismiss alerts from that property by itself (it takes a separate action), so an accepted
 * finding would come back as an open alert. The JSON and Markdown reports list them.
 */
export function renderFindingsSarif(report: Report, options: SarifOptions): string {
  const findings = sortFindings(report.findings);
  const log = JSON.parse(renderSarif(findings, options)) as SarifLog;
  log.runs[0]?.results.forEach((result, index) => {
    const finding = findings[index];
    if (finding) result['partialFingerprints'] = { [FINDING_FINGERPRINT]: finding.id };
  });
  return `${JSON.stringify(log, null, 2)}\n`;
}
