import type { Code, Severity } from '../findings/catalogue.js';
import type { MeshSettingsOverrides } from '../model/mesh-settings.js';

/** Everything `.github/meshguard.yml` (or CLI flags) can say about one analysis. */
export interface AnalyzeOptions {
  /** Which severities fail the check: `error` (default), `warning` (errors and warnings), `never`. */
  readonly failOn?: 'error' | 'warning' | 'never';
  readonly defaultNamespace?: string;
  readonly meshSettings?: MeshSettingsOverrides;
  /** Severity per code; `off` drops the code entirely. */
  readonly severities?: Readonly<Partial<Record<Code, Severity | 'off'>>>;
  /**
   * Findings to suppress: by code, optionally narrowed to a finding id or an object
   * (`Kind namespace/name`), with a mandatory reason and an optional expiry (ISO date).
   */
  readonly ignores?: readonly IgnoreRule[];
  /** Namespaces (or `namespace/workload` ids) whose ports must stay STRICT. */
  readonly protectedWorkloads?: readonly string[];
  /** Workload ports whose new callers are always reported (MG304); `DEFAULT_SENSITIVE_PORTS` otherwise. */
  readonly sensitivePorts?: readonly number[];
  /** Today's date (YYYY-MM-DD) for ignore expiry; passed in because the core has no clock. */
  readonly today?: string;
}

export interface IgnoreRule {
  readonly code: Code;
  readonly id?: string;
  readonly object?: string;
  readonly reason: string;
  readonly expires?: string;
}

/** Datastores, caches, search, etcd and SSH: ports whose new callers deserve an error. */
export const DEFAULT_SENSITIVE_PORTS: readonly number[] = [
  22, 2379, 2380, 3306, 5432, 6379, 9042, 9200, 9300, 11211, 27017,
];
