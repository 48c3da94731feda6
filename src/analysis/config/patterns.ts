/**
 * The string shapes the configuration accepts. schema/meshguard.schema.json repeats each pattern;
 * the schema agreement test fails when the two drift apart.
 */
export const PATTERNS = {
  dnsLabel: {
    pattern: /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    expected: 'a Kubernetes namespace name',
  },
  code: { pattern: /^MG[0-9]{3}$/, expected: 'a meshguard code such as `MG012`' },
  date: {
    pattern: /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/,
    expected: 'a date written YYYY-MM-DD',
  },
  object: {
    pattern: /^[A-Z][A-Za-z]* (?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    expected: 'an object written `Kind namespace/name`',
  },
  workload: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/,
    expected: 'a namespace or `namespace/workload`',
  },
  text: { pattern: /\S/, expected: 'non-empty text' },
} as const;

/**
 * Why `value` cannot be the namespace of objects that name none, or `null`. The configuration's
 * `default-namespace` and the CLI's `--namespace` follow this one rule.
 */
export function namespaceProblem(value: string): string | null {
  return PATTERNS.dnsLabel.pattern.test(value) ? null : `must be ${PATTERNS.dnsLabel.expected}`;
}
