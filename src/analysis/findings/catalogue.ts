/**
 * Every diagnostic and finding meshguard can report, in one place. `npm run docs:gen` writes
 * docs/findings.md from this file and a test fails when that page is stale.
 *
 * Codes are stable: never renumber or reuse one. Retire an entry by setting `retired: true`.
 * Ranges: MG0xx loading and validation, MG1xx mTLS, MG2xx authorization, MG3xx access changes,
 * MG9xx limits and internal.
 *
 * Messages start lowercase, have no final period, fit on one line and put user values in
 * backticks; advice goes in `help`.
 */

export type Severity = 'error' | 'warning' | 'notice';

export interface CatalogueEntry {
  /** Kebab-case slug, stable like the code. */
  readonly name: string;
  readonly severity: Severity;
  readonly title: string;
  // A message template; each entry declares the parameters it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly message: (params: any) => string;
  /** What to do about it. */
  readonly help: string;
  /** Longer explanation for the docs page: the Istio rule behind it and where it is written. */
  readonly description: string;
  readonly retired?: boolean;
}

const tick = (value: string | number): string => `\`${String(value).replace(/`/g, "'")}\``;

export const catalogue = {
  // ---- MG0xx: loading and validation ---------------------------------------------------------
  MG001: {
    name: 'yaml-syntax-error',
    severity: 'error',
    title: 'YAML syntax error',
    message: (p: { detail: string }) => `YAML syntax error: ${p.detail}`,
    help: 'Fix the YAML syntax. The other documents in this file and the other files are still analysed.',
    description:
      'The document could not be parsed. meshguard skips the broken document, keeps every other document, and reports the exact line.',
  },
  MG002: {
    name: 'duplicate-key',
    severity: 'error',
    title: 'Duplicate mapping key',
    message: (p: { key: string }) => `key ${tick(p.key)} appears twice in the same mapping`,
    help: 'Remove one of the two keys. kubectl rejects duplicate fields; meshguard keeps the last one, as a lenient JSON decoder would.',
    description:
      'YAML forbids duplicate keys in one mapping. Kubernetes decoders either reject the object or silently keep the last value, so the manifest may not mean what it says.',
  },
  MG003: {
    name: 'alias-limit-exceeded',
    severity: 'error',
    title: 'Too many YAML alias expansions',
    message: (p: { limit: number }) =>
      `YAML aliases expand to more than ${p.limit} nodes; the document was not read`,
    help: 'Expand the anchors by hand or reduce their nesting. This limit protects against "billion laughs" documents.',
    description:
      'Anchors and aliases are expanded while loading. A document whose aliases expand beyond the limit is rejected rather than exhausting memory.',
  },
  MG004: {
    name: 'template-not-rendered',
    severity: 'warning',
    title: 'Template file not rendered',
    message: (p: { tool: string }) => `file looks like a ${p.tool} template and was not analysed`,
    help: 'Render the templates first (`helm template ...` or `kustomize build ...`) and point meshguard at the output, or use the `render` option in .github/meshguard.yml.',
    description:
      'Files containing Go template actions (`{{ ... }}`) are not YAML manifests until rendered. meshguard reports them instead of reading them as garbage.',
  },
  MG005: {
    name: 'file-unreadable',
    severity: 'error',
    title: 'File could not be read',
    message: (p: { detail: string }) => `file could not be read: ${p.detail}`,
    help: 'Check the file exists, is readable and is UTF-8 text.',
    description:
      'The file could not be read at all. The analysis continues with the other files, but the answer is partial, so the CLI exits with status 2.',
  },
  MG006: {
    name: 'obsolete-api',
    severity: 'warning',
    title: 'Obsolete Istio API',
    message: (p: { apiVersion: string; kind: string; replacement: string }) =>
      `${tick(`${p.apiVersion} ${p.kind}`)} was removed from Istio and is ignored; use ${p.replacement}`,
    help: 'Rewrite the object with the current API. Istio no longer reads it, so it has no effect in the mesh.',
    description:
      'Istio removed authentication.istio.io/v1alpha1 (Policy, MeshPolicy) and rbac.istio.io (ServiceRole, ServiceRoleBinding, ClusterRbacConfig). Objects of those kinds do nothing in a current mesh.',
  },
  MG007: {
    name: 'unknown-api-version',
    severity: 'warning',
    title: 'Unknown API version',
    message: (p: { apiVersion: string; kind: string; known: string }) =>
      `${tick(p.kind)} with apiVersion ${tick(p.apiVersion)} is not a version Istio serves (expected ${p.known}); it is read as the current version`,
    help: 'Use one of the supported API versions.',
    description:
      'Istio serves security.istio.io v1 and v1beta1, and networking.istio.io v1, v1beta1 and v1alpha3. Other versions are rejected by the API server.',
  },
  MG008: {
    name: 'missing-required-field',
    severity: 'error',
    title: 'Required field missing',
    message: (p: { field: string; kind: string }) => `${tick(p.kind)} has no ${tick(p.field)}`,
    help: 'Add the field; the object cannot be applied without it.',
    description: 'A field the API server requires is missing, so the object would be rejected.',
  },
  MG009: {
    name: 'invalid-field-type',
    severity: 'error',
    title: 'Field has the wrong type',
    message: (p: { field: string; expected: string; actual: string }) =>
      `${tick(p.field)} must be ${p.expected}, not ${p.actual}`,
    help: 'Quote values that must be strings (label and annotation values, for example): YAML reads `true`, `on` and `8080` as other types.',
    description:
      'The value has a type the Kubernetes or Istio API does not accept. The field is ignored by the analysis, which treats it as absent.',
  },
  MG010: {
    name: 'unknown-field',
    severity: 'warning',
    title: 'Unknown field',
    message: (p: { field: string; kind: string }) =>
      `${tick(p.field)} is not a field of ${p.kind}; it is ignored`,
    help: 'Check the spelling and the indentation. A misplaced field is silently dropped by the API server.',
    description:
      'The field is not part of the Istio API at this position. A typo such as `principal` for `principals`, or a field indented one level too deep, changes what the policy matches.',
  },
  MG011: {
    name: 'invalid-enum-value',
    severity: 'error',
    title: 'Invalid value',
    message: (p: { field: string; value: string; allowed: string }) =>
      `${tick(p.field)} is ${tick(p.value)}, which is not one of ${p.allowed}`,
    help: 'Use one of the allowed values (they are case-sensitive).',
    description:
      'Istio rejects an object whose enum field has an unknown value, such as `action: ALOW` or `mode: STRIKT`. meshguard reports it and analyses the object as Istio would never have accepted it: as absent.',
  },
  MG012: {
    name: 'duplicate-object',
    severity: 'error',
    title: 'Object defined twice',
    message: (p: { ref: string; other: string }) => `${p.ref} is also defined at ${p.other}`,
    help: 'Keep one definition. The later one would overwrite the earlier one when applied.',
    description:
      'Two documents define the same kind, namespace and name. Applying both keeps only the last; meshguard analyses the last one and reports the first.',
  },
  MG013: {
    name: 'invalid-selector',
    severity: 'error',
    title: 'Invalid workload selector',
    message: (p: { detail: string }) => `invalid selector: ${p.detail}`,
    help: 'Istio workload selectors take only `matchLabels`, with exact label keys and values (no wildcards).',
    description:
      'WorkloadSelector (`istio/api:type/v1beta1/selector.proto`) has only `matchLabels`; `matchExpressions` and wildcard values are rejected by validation.',
  },
  MG014: {
    name: 'port-level-mtls-without-selector',
    severity: 'error',
    title: 'portLevelMtls without a selector',
    message: () => '`portLevelMtls` requires a workload selector; Istio rejects this PeerAuthentication',
    help: 'Add a `selector.matchLabels` that picks the workload, or move the port exception to a workload policy.',
    description:
      'Mesh- and namespace-wide PeerAuthentications cannot have port-level settings (CRD rule "portLevelMtls requires selector"; `ValidatePeerAuthentication`). The policy is rejected as a whole.',
  },
  MG015: {
    name: 'deny-without-rules',
    severity: 'error',
    title: 'DENY policy without rules',
    message: () => 'a DENY policy without `rules` is rejected by Istio and denies nothing',
    help: 'To deny everything, write `rules: [{}]`. To allow nothing, use an ALLOW policy without rules.',
    description:
      'Validation rejects DENY and CUSTOM policies without rules as meaningless; if one reaches istiod anyway, it matches nothing.',
  },
  MG016: {
    name: 'invalid-value',
    severity: 'error',
    title: 'Invalid field value',
    message: (p: { field: string; value: string; reason: string }) =>
      `${tick(p.field)} value ${tick(p.value)} is invalid: ${p.reason}`,
    help: 'Istio rejects the whole object when one value is invalid.',
    description:
      'The value fails Istio validation (`pkg/config/validation/validation.go`): empty strings, malformed CIDRs or ports, path templates with operators in the wrong place, and similar.',
  },
  MG017: {
    name: 'unknown-condition-key',
    severity: 'error',
    title: 'Unknown `when` key',
    message: (p: { key: string }) => `${tick(p.key)} is not a condition key Istio supports`,
    help: 'See https://istio.io/latest/docs/reference/config/security/conditions/ for the supported keys.',
    description:
      'Istio validation rejects unknown `when` keys and the removed `destination.labels`, `destination.namespace`, `destination.name` and `destination.user` keys.',
  },
  MG018: {
    name: 'custom-provider-mismatch',
    severity: 'error',
    title: 'CUSTOM action and provider do not match',
    message: (p: { detail: string }) => p.detail,
    help: 'A CUSTOM policy needs `provider.name`; other actions must not set a provider.',
    description:
      'Validation requires `provider` exactly when `action: CUSTOM`. A CUSTOM policy whose provider is not in `meshConfig.extensionProviders` denies every request it matches.',
  },
  MG019: {
    name: 'empty-match-clause',
    severity: 'error',
    title: 'Empty match clause',
    message: (p: { field: string }) => `${tick(p.field)} is present but empty; Istio rejects it`,
    help: 'Remove the empty clause, or fill it in. An absent clause means "no constraint"; an empty one is invalid.',
    description:
      'Validation rejects `from: []`, `to: []`, a `source` or `operation` with no fields, and a `when` condition with neither `values` nor `notValues`.',
  },
  MG020: {
    name: 'selector-and-target-refs',
    severity: 'error',
    title: 'Both selector and targetRefs',
    message: () => '`selector` and `targetRef`/`targetRefs` cannot be used together',
    help: 'Keep one: `selector` for sidecars and ztunnel, `targetRefs` for waypoints and gateways.',
    description: 'The CRD makes `selector` and `targetRef(s)` mutually exclusive.',
  },
  MG021: {
    name: 'invalid-mesh-config',
    severity: 'error',
    title: 'Mesh configuration could not be read',
    message: (p: { detail: string }) => `mesh configuration could not be read: ${p.detail}`,
    help: 'Fix the `mesh` key of the istio ConfigMap (it is YAML inside a string) or the IstioOperator/Helm values.',
    description:
      'meshguard reads the root namespace, trust domain, aliases and auto mTLS from MeshConfig. When it cannot, it keeps the defaults and says so.',
  },
  MG022: {
    name: 'conflicting-mesh-config',
    severity: 'warning',
    title: 'Mesh configuration set twice',
    message: (p: { setting: string; value: string; other: string }) =>
      `${tick(p.setting)} is set again here to ${tick(p.value)}; the value at ${p.other} is used`,
    help: 'Keep one source of mesh configuration per tree, or set the value in .github/meshguard.yml.',
    description:
      'More than one ConfigMap, IstioOperator or values file sets the same MeshConfig field. meshguard uses the first in path order and reports the others.',
  },

  // ---- MG1xx: mTLS ---------------------------------------------------------------------------

  // ---- MG2xx: authorization ------------------------------------------------------------------

  // ---- MG3xx: access changes -----------------------------------------------------------------

  // ---- MG9xx: limits and internal ------------------------------------------------------------
  MG901: {
    name: 'analysis-limit',
    severity: 'warning',
    title: 'Analysis limit reached',
    message: (p: { detail: string }) => p.detail,
    help: 'The answer is still correct for what was analysed; see the message for what was left out.',
    description: 'A size limit was reached and part of the input was summarised or left out.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type Code = keyof typeof catalogue;
export type MessageParams<C extends Code> = Parameters<(typeof catalogue)[C]['message']>[0];

export function isCode(value: string): value is Code {
  return Object.hasOwn(catalogue, value);
}
