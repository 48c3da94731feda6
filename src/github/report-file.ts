import type { Report } from '../analysis/index.js';
import { isSha } from './context.js';
import { assertReport, ArtifactError, field, int, oneOf, record, text } from './report-shape.js';
import { quote } from '../analysis/findings/quote.js';

/**
 * The JSON file the Action writes (`report-json` output) and `mode: publish` reads back from the
 * `pull_request` run's artifact: the report plus what it was computed for.
 */
export interface ReportFile {
  readonly kind: 'meshguard-report';
  readonly version: 1;
  /** `owner/repo`. */
  readonly repository: string;
  readonly pullRequest: number | null;
  /** The commits compared: base (the merge base when the branch was behind) and head. */
  readonly baseSha: string;
  readonly headSha: string;
  /** False when no configured file changed; `report` is then null. */
  readonly meshChanges: boolean;
  /** Head files that were read, so publish mode annotates only real files. */
  readonly headFiles: readonly string[];
  readonly report: Report | null;
}

/** An artifact larger than this is refused before it is parsed. */
export const MAX_REPORT_FILE_BYTES = 32 * 1024 * 1024;

export function serializeReportFile(file: ReportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Parses a report file from an artifact. The artifact was produced by a run of untrusted code
 * (a fork's pull request), so everything is checked: size, JSON, every field the renderer and
 * the publisher read, and the repository it claims to be for.
 */
export function parseReportFile(textValue: string, repository: string): ReportFile {
  if (Buffer.byteLength(textValue, 'utf8') > MAX_REPORT_FILE_BYTES) {
    throw new ArtifactError(`the report file is larger than ${MAX_REPORT_FILE_BYTES} bytes`);
  }
  let value: unknown;
  try {
    value = JSON.parse(textValue);
  } catch {
    throw new ArtifactError('the report file is not JSON');
  }
  const root = record(value, '$');
  if (root['kind'] !== 'meshguard-report' || root['version'] !== 1) {
    throw new ArtifactError('the file is not a meshguard report (kind and version)');
  }
  const claimed = text(field(root, 'repository', '$'), '$.repository', 200);
  if (claimed !== repository) {
    throw new ArtifactError(
      `the report is for ${quote(claimed.slice(0, 100))}, not this repository`,
    );
  }
  const pullRequest =
    root['pullRequest'] === null ? null : int(root['pullRequest'], '$.pullRequest', 1);
  const baseSha = sha(root['baseSha'], '$.baseSha');
  const headSha = sha(root['headSha'], '$.headSha');
  const meshChanges = oneOf(root['meshChanges'], '$.meshChanges', [true, false] as const);
  const headFilesValue = field(root, 'headFiles', '$');
  if (!Array.isArray(headFilesValue) || headFilesValue.length > 100_000) {
    throw new ArtifactError('$.headFiles must be a list');
  }
  const headFiles = headFilesValue.map((item, i) => text(item, `$.headFiles[${i}]`, 1000));
  const report = root['report'] === null ? null : assertReport(root['report'], '$.report');
  if (meshChanges !== (report !== null)) {
    throw new ArtifactError('$.report must be present exactly when meshChanges is true');
  }
  return {
    kind: 'meshguard-report',
    version: 1,
    repository: claimed,
    pullRequest,
    baseSha,
    headSha,
    meshChanges,
    headFiles,
    report,
  };
}

function sha(value: unknown, path: string): string {
  if (!isSha(value)) throw new ArtifactError(`${path} must be a commit SHA`);
  return value;
}

export { ArtifactError };
