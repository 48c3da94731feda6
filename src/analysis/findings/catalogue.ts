import { quote } from './quote.js';

/**
 * Every diagnostic and finding meshguard can report, in one place. `npm run docs:gen` writes
 * docs/findings.md from this file and a test fails when that page is stale.
 *
 * Codes are stable: never renumber or reuse one. Retire an entry by setting `retired: true`.
 * Ranges: MG0xx loading and validation, MG1xx mTLS, MG2xx authorization, MG3xx access changes,
 * MG9xx limits and internal.
 *
 * Messages start lowercase, have no final period, fit on one line and put user values in
 * backticks with `quote` (quote.ts), which keeps a value holding backticks whole; advice goes
 * in `help`.
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
  /**
   * The input could not be read whole (unreadable file, broken YAML): any answer is partial, so
   * the CLI exits with status 2 rather than pretend it saw everything.
   */
  readonly partialInput?: boolean;
}

export const catalogue = {
  // ---- MG0xx: loading and validation ---------------------------------------------------------
  MG001: {
    name: 'yaml-syntax-error',
    severity: 'error',
    title: 'YAML syntax error',
    message: (p: { detail: string }) => `YAML syntax error: ${p.detail}`,
    partialInput: true,
    help: 'Fix the YAML syntax. The other documents in this file and the other files are still analysed.',
    description:
      'The document could not be parsed. meshguard skips the broken document, keeps every other document, and reports the exact line.',
  },
  MG002: {
    name: 'duplicate-key',
    severity: 'error',
    title: 'Duplicate mapping key',
    message: (p: { key: string }) => `key ${quote(p.key)} appears twice in the same mapping`,
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
    partialInput: true,
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
    partialInput: true,
    help: 'Check the file exists, is readable and is UTF-8 text.',
    description:
      'The file could not be read at all. The analysis continues with the other files, but the answer is partial, so the CLI exits with status 2.',
  },
  MG006: {
    name: 'obsolete-api',
    severity: 'warning',
    title: 'Obsolete Istio API',
    message: (p: { apiVersion: string; kind: string; replacement: string }) =>
      `${quote(`${p.apiVersion} ${p.kind}`)} was removed from Istio and is ignored; use ${p.replacement}`,
    help: 'Rewrite the object with the current API. Istio no longer reads it, so it has no effect in the mesh.',
    description:
      'Istio removed authentication.istio.io/v1alpha1 (Policy, MeshPolicy) and rbac.istio.io (ServiceRole, ServiceRoleBinding, ClusterRbacConfig). Objects of those kinds do nothing in a current mesh.',
  },
  MG007: {
    name: 'unknown-api-version',
    severity: 'error',
    title: 'Unknown API version',
    message: (p: { apiVersion: string; kind: string; known: string }) =>
      `${quote(p.kind)} with apiVersion ${quote(p.apiVersion)} is not served by Istio (expected ${p.known}); the object cannot be applied`,
    help: 'Use one of the supported API versions. meshguard analyses the mesh without this object, as the cluster would have it.',
    description:
      'Istio serves security.istio.io v1 and v1beta1, and networking.istio.io v1, v1beta1 and v1alpha3. Other versions are rejected by the API server.',
  },
  MG008: {
    name: 'missing-required-field',
    severity: 'error',
    title: 'Required field missing',
    message: (p: { field: string; kind: string }) => `${quote(p.kind)} has no ${quote(p.field)}`,
    help: 'Add the field; the object cannot be applied without it.',
    description: 'A field the API server requires is missing, so the object would be rejected.',
  },
  MG009: {
    name: 'invalid-field-type',
    severity: 'error',
    title: 'Field has the wrong type',
    message: (p: { field: string; expected: string; actual: string }) =>
      `${quote(p.field)} must be ${p.expected}, not ${p.actual}`,
    help: 'Quote values that must be strings (label and annotation values, for example): YAML reads `true`, `on` and `8080` as other types.',
    description:
      'The value has a type the Kubernetes or Istio API does not accept. The field is ignored by the analysis, which treats it as absent.',
  },
  MG010: {
    name: 'unknown-field',
    severity: 'warning',
    title: 'Unknown field',
    message: (p: { field: string; kind: string }) =>
      `${quote(p.field)} is not a field of ${p.kind}; it is ignored`,
    help: 'Check the spelling and the indentation. A misplaced field is silently dropped by the API server.',
    description:
      'The field is not part of the Istio API at this position. A typo such as `principal` for `principals`, or a field indented one level too deep, changes what the policy matches.',
  },
  MG011: {
    name: 'invalid-enum-value',
    severity: 'error',
    title: 'Invalid value',
    message: (p: { field: string; value: string; allowed: string }) =>
      `${quote(p.field)} is ${quote(p.value)}, which is not one of ${p.allowed}`,
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
      'WorkloadSelector (`istio/api:type/v1beta1/selector.proto`) has only `matchLabels`. The CRD schema prunes `matchExpressions` silently, so the policy selects more workloads than written; meshguard analyses it as Istio would, without them.',
  },
  MG014: {
    name: 'port-level-mtls-without-selector',
    severity: 'error',
    title: 'portLevelMtls without a selector',
    message: () =>
      '`portLevelMtls` requires a workload selector; Istio rejects this PeerAuthentication',
    help: 'Add a `selector.matchLabels` that picks the workload, or move the port exception to a workload policy.',
    description:
      'Mesh- and namespace-wide PeerAuthentications cannot have port-level settings (CRD rule "portLevelMtls requires selector"; `ValidatePeerAuthentication`). The policy is rejected as a whole.',
  },
  MG015: {
    name: 'deny-without-rules',
    severity: 'error',
    title: 'DENY or CUSTOM policy without rules',
    message: (p: { action: string }) =>
      `a ${p.action} policy without \`rules\` is rejected by Istio and has no effect`,
    help: 'To deny everything, write `rules: [{}]`. To allow nothing, use an ALLOW policy without rules.',
    description:
      'Validation rejects DENY and CUSTOM policies without rules as meaningless; if one reaches istiod anyway, it matches nothing.',
  },
  MG016: {
    name: 'invalid-value',
    severity: 'error',
    title: 'Invalid field value',
    message: (p: { field: string; value: string; reason: string }) =>
      `${quote(p.field)} value ${quote(p.value)} is invalid: ${p.reason}`,
    help: 'Istio rejects the whole object when one value is invalid.',
    description:
      'The value fails Istio validation (`pkg/config/validation/validation.go`): empty strings, malformed CIDRs or ports, path templates with operators in the wrong place, and similar.',
  },
  MG017: {
    name: 'unknown-condition-key',
    severity: 'error',
    title: 'Unknown `when` key',
    message: (p: { key: string; reason: string }) =>
      `${quote(p.key)} is not a condition key Istio accepts: ${p.reason}`,
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
    message: (p: { field: string }) => `${quote(p.field)} is present but empty; Istio rejects it`,
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
      `${quote(p.setting)} is set again here to ${quote(p.value)}; the value at ${p.other} is used`,
    help: 'Keep one source of mesh configuration per tree, or set the value in .github/meshguard.yml.',
    description:
      'More than one ConfigMap, IstioOperator or values file sets the same MeshConfig field. meshguard uses the first in path order and reports the others.',
  },
  MG023: {
    name: 'empty-mapping-as-list',
    severity: 'warning',
    title: 'Empty mapping where a list is expected',
    message: (p: { field: string }) =>
      `${quote(p.field)} is \`{}\` where a list is expected; read as an empty list`,
    help: 'Write `[]`, or remove the field. The API server rejects `{}` for a list field.',
    description:
      'Generated or hand-edited dumps sometimes write an empty mapping for an empty list. meshguard reads it as the empty list that was meant and warns, instead of rejecting the whole object.',
  },

  // ---- MG1xx: mTLS ---------------------------------------------------------------------------
  MG101: {
    name: 'mtls-weakened',
    severity: 'warning',
    title: 'mTLS weakened on a workload port',
    message: (p: {
      workload: string;
      ports: string;
      base: string;
      head: string;
      level: string;
      consequence: string;
    }) => `${quote(p.workload)} ${p.ports} ${p.head}${p.level}, was ${p.base}: ${p.consequence}`,
    help: 'If plaintext callers still need the port, keep the exception as narrow as possible (one workload, one container port) and plan its removal. Otherwise restore STRICT.',
    description:
      'The effective PeerAuthentication mode of a workload port became weaker: STRICT to PERMISSIVE or DISABLE, PERMISSIVE to DISABLE, or the sidecar went away. Istio resolves the mode per port from the mesh, namespace, workload and port-level policies (istio-semantics §1.2, `ComposePeerAuthentication`). The finding points at the line that decided the new mode, or at the deleted policy.',
  },
  MG102: {
    name: 'edge-broken',
    severity: 'error',
    title: 'Connection newly broken',
    message: (p: { from: string; to: string; port: number; reason: string }) =>
      `${p.from} can no longer connect to ${quote(p.to)} port ${p.port}: ${p.reason}`,
    help: 'Check what the client originates (sidecar, DestinationRule TLS, auto mTLS) against what the port accepts. `meshguard graph` shows both sides with their evidence.',
    description:
      'A call that worked in the base manifests fails in the head: plaintext to a STRICT port, Istio mTLS to a port without a sidecar or with DISABLE, TLS that is not Istio mTLS to a STRICT port, or a call dropped by REGISTRY_ONLY (istio-semantics §1.5, §2.7). Callers from outside the manifests sending plaintext are not reported: rejecting them is what STRICT is for.',
  },
  MG103: {
    name: 'edge-lost-mtls',
    severity: 'warning',
    title: 'Connection no longer mutually authenticated',
    message: (p: { from: string; to: string; port: number; reason: string }) =>
      `calls from ${p.from} to ${quote(p.to)} port ${p.port} are no longer mutually authenticated: ${p.reason}`,
    help: 'Identity-based AuthorizationPolicy rules (principals, namespaces) no longer match these callers, and the traffic is not encrypted by the mesh.',
    description:
      'A call that arrived over Istio mTLS in the base now arrives in plaintext: the server learns no peer identity (istio-semantics §5), so positive identity rules stop matching and negative ones start matching.',
  },
  MG104: {
    name: 'destination-rule-breaks-strict',
    severity: 'error',
    title: 'DestinationRule TLS toward a STRICT port',
    message: (p: { mode: string; target: string; count: number }) =>
      `this DestinationRule makes clients send ${p.mode} to the STRICT port ${quote(p.target)}${p.count > 1 ? ` and ${p.count - 1} other STRICT port(s)` : ''}: those connections fail`,
    help: 'Use `tls: {mode: ISTIO_MUTUAL}` for in-mesh destinations, or drop the `tls` block to let auto mTLS decide. `tls: {}` means DISABLE.',
    description:
      'A DestinationRule TLS mode other than ISTIO_MUTUAL (DISABLE, SIMPLE, MUTUAL, or a `tls` block without `mode`) replaces auto mTLS for the host or port; a STRICT server then rejects the connection (istio-semantics §2.1, §2.7; Kiali KIA0207/KIA0208).',
  },
  MG105: {
    name: 'destination-rule-mtls-without-sidecar',
    severity: 'error',
    title: 'ISTIO_MUTUAL toward a port that cannot terminate it',
    message: (p: { target: string; count: number; why: string }) =>
      `this DestinationRule makes clients send Istio mTLS to ${quote(p.target)}, which ${p.why}${p.count > 1 ? ` (and to ${p.count - 1} other port(s) that cannot terminate it)` : ''}: those connections fail`,
    help: 'Remove `tls` (auto mTLS sends plaintext to workloads without a sidecar and to DISABLE ports), or scope the rule with `portLevelSettings`.',
    description:
      'An explicit ISTIO_MUTUAL is sent to every endpoint, including those without a sidecar and ports whose PeerAuthentication is DISABLE; they cannot terminate it (istio-semantics §2.1, §2.7; retired analyzer IST0115).',
  },
  MG106: {
    name: 'credential-name-without-selector',
    severity: 'warning',
    title: 'credentialName ignored on sidecars',
    message: (p: { host: string; client: string }) =>
      `\`credentialName\` is ignored on sidecars when the DestinationRule has no \`workloadSelector\`: ${p.client} sends plaintext to ${quote(p.host)}`,
    help: 'Add a `workloadSelector` for the clients that should originate TLS, or originate TLS at an egress gateway.',
    description:
      'On a sidecar, SIMPLE or MUTUAL TLS with a `credentialName` is only applied when the DestinationRule has a `workloadSelector`; otherwise no TLS context is built and the connection leaves in plaintext (`buildUpstreamClusterTLSContext`, istio-semantics §2.1).',
  },
  MG107: {
    name: 'root-peer-authentication-with-selector',
    severity: 'warning',
    title: 'PeerAuthentication with a selector in the root namespace',
    message: (p: { namespace: string; name: string }) =>
      `PeerAuthentication ${quote(`${p.namespace}/${p.name}`)} has a selector but is in the root namespace, so Istio ignores it`,
    help: 'Move the policy to the namespace of the workloads it should select, or remove the selector to make it mesh-wide.',
    description:
      'Istio treats a root-namespace PeerAuthentication without a selector as mesh-wide and ignores one with a selector; it does not select workloads in other namespaces (istio-semantics §1.1; `ComposePeerAuthentication`). AuthorizationPolicy behaves differently.',
  },
  MG108: {
    name: 'conflicting-peer-authentications',
    severity: 'warning',
    title: 'Conflicting PeerAuthentications',
    message: (p: { level: string; winner: string; why: string }) =>
      `this ${p.level} PeerAuthentication is ignored: ${quote(p.winner)} applies instead (${p.why})`,
    help: 'Keep one policy per level: one mesh-wide, one per namespace, one per workload. Merge the settings into the one that should apply.',
    description:
      'Istio uses only the oldest policy at each level (by `creationTimestamp`, then name) and ignores the others entirely, port-level settings included (istio-semantics §1.3). Manifests rarely carry creation times: meshguard treats objects a change adds as newer than those already there, and falls back on the name order between objects of the same side, which may differ from the order they were really created in.',
  },
  MG109: {
    name: 'selector-matches-nothing',
    severity: 'warning',
    title: 'Selector matches no workload',
    message: (p: { kind: string; namespace: string }) =>
      `this ${p.kind} selects no workload in ${quote(p.namespace)}`,
    help: 'Check the labels against the pod template labels (not the Deployment labels) of the workloads it should select.',
    description:
      'A PeerAuthentication or DestinationRule workload selector that matches no pod in its namespace has no effect (Kiali KIA0004, analyzer IST0127).',
  },
  MG110: {
    name: 'port-level-mtls-unknown-port',
    severity: 'warning',
    title: 'portLevelMtls on a port the workload does not expose',
    message: (p: { port: number; hint: string }) =>
      `port ${p.port} is not a port of any workload this policy selects${p.hint}`,
    help: '`portLevelMtls` keys are container (target) ports, not Service ports.',
    description:
      'PeerAuthentication port-level settings are keyed by the workload port the sidecar receives on, after the Service `targetPort` is resolved (istio-semantics §1.4). A key that is a Service port, or no port at all, changes nothing on the ports that are used.',
  },
  MG111: {
    name: 'auto-mtls-gated-off',
    severity: 'error',
    title: 'STRICT workload behind a DISABLE namespace (auto mTLS gap)',
    message: (p: { target: string; namespace: string; count: number }) =>
      `clients send plaintext to ${quote(p.target)}${p.count > 1 ? ` and ${p.count - 1} other port(s)` : ''} because ${quote(p.namespace)} is DISABLE at namespace or mesh level, but this policy makes it STRICT: those connections fail`,
    help: 'Add a DestinationRule with `tls: {mode: ISTIO_MUTUAL}` for the host, or lift the namespace or mesh DISABLE.',
    description:
      'Auto mTLS decides per Service from the namespace-level (or mesh) PeerAuthentication only; a workload or port-level STRICT under a namespace DISABLE is invisible to it, so clients send plaintext and the server rejects it (istio/istio#56084, istio-semantics §2.3).',
  },
  MG112: {
    name: 'permissive-without-plaintext-clients',
    severity: 'notice',
    title: 'PERMISSIVE with no plaintext client in the manifests',
    message: (p: { count: number }) =>
      `no workload in the manifests sends plaintext to the ${p.count} port(s) this PERMISSIVE policy covers; STRICT would only reject callers outside the mesh`,
    help: 'If nothing outside these manifests calls in plaintext, switch to STRICT to finish the mTLS migration.',
    description:
      'PERMISSIVE accepts plaintext with no peer identity. It is meant for migrations; once every client has a sidecar it only leaves a door open (istio-semantics §1.5, §5).',
  },
  MG113: {
    name: 'destination-rule-selector-shadows',
    severity: 'warning',
    title: 'Selector DestinationRule hides other rules from the rest of the namespace',
    message: (p: { host: string; namespace: string; shadowed: string }) =>
      `clients in ${quote(p.namespace)} that this rule does not select get no DestinationRule for ${quote(p.host)}: the rule hides ${p.shadowed} from them`,
    help: 'Add a DestinationRule without `workloadSelector` for the same host in this namespace, carrying the settings the other clients need.',
    description:
      'The lookup stops at the first namespace (client, then service, then root) with a rule for the host; a client not selected by a `workloadSelector` rule found there then gets no rule at all (`SidecarScope.DestinationRule`, istio-semantics §2.4).',
  },
  MG114: {
    name: 'namespace-not-declared',
    severity: 'notice',
    title: 'Namespace labels unknown',
    message: (p: { namespace: string }) =>
      `namespace ${quote(p.namespace)} is not in the manifests; meshguard assumes it is labelled for sidecar injection`,
    help: 'Add the Namespace object with its labels (`istio-injection`, `istio.io/rev`, `istio.io/dataplane-mode`) so injection is known, not assumed.',
    description:
      'Sidecar injection depends on namespace labels (istio-semantics §6.1). Without them meshguard assumes injection, so that policies are taken as enforced; answers that depend on it are marked inexact.',
  },
  MG115: {
    name: 'mtls-not-modelled',
    severity: 'notice',
    title: 'Transport not modelled exactly',
    message: (p: { detail: string }) => p.detail,
    help: 'The affected answers are marked inexact in `meshguard graph`. Check them in the cluster (`istioctl proxy-config`).',
    description:
      'Some inputs change the transport in ways meshguard does not model: DestinationRule subsets chosen by VirtualService routes, and ambient mode hops between ztunnel and sidecars (HBONE depends on installation settings) or through waypoints.',
  },
  MG116: {
    name: 'tls-without-mode',
    severity: 'warning',
    title: '`tls` without `mode` disables TLS',
    message: (p: { host: string }) =>
      `\`tls\` without \`mode\` is DISABLE: clients send plaintext to ${quote(p.host)} and auto mTLS is off`,
    help: 'Write `mode: ISTIO_MUTUAL` (in-mesh) or `mode: SIMPLE` (TLS origination), or remove the `tls` block to keep auto mTLS.',
    description:
      'Any `tls` block counts as user-supplied TLS settings, and the default mode is DISABLE (enum value 0), so `tls: {}` or `tls` with only certificates switches auto mTLS off for the host or port (istio-semantics §2.1).',
  },

  // ---- MG2xx: authorization ------------------------------------------------------------------
  MG201: {
    name: 'principal-with-spiffe-prefix',
    severity: 'warning',
    title: 'Principal written with `spiffe://`',
    message: (p: { value: string; effect: string }) =>
      `principal ${quote(p.value)} starts with \`spiffe://\`, which Istio adds itself, so it never matches; ${p.effect}`,
    help: 'Write principals as `<trust-domain>/ns/<namespace>/sa/<service-account>`, without `spiffe://`.',
    description:
      'Istio prefixes every principal with `spiffe://` when it builds the Envoy matcher (`srcPrincipalGenerator`), so a value that already has it becomes `spiffe://spiffe://…` and matches no certificate (`istio-semantics.md` §3.6). In an ALLOW rule that denies what was meant to be allowed; in a DENY rule it denies nothing.',
  },
  MG202: {
    name: 'principal-without-trust-domain',
    severity: 'warning',
    title: 'Principal is not a full SPIFFE identity',
    message: (p: { value: string; effect: string }) =>
      `principal ${quote(p.value)} is not \`<trust-domain>/ns/<namespace>/sa/<service-account>\`, so it never matches; ${p.effect}`,
    help: 'Start the principal with the trust domain, e.g. `cluster.local/ns/foo/sa/bar`, or use `namespaces`/`serviceAccounts`, or a `*` prefix to match any trust domain.',
    description:
      'Principals are compared with the whole URI SAN `spiffe://<trust-domain>/ns/<ns>/sa/<sa>` of the peer certificate. A value without the trust domain, or in another shape, matches nothing (`istio-semantics.md` §3.6).',
  },
  MG203: {
    name: 'allow-http-fields-on-tcp',
    severity: 'error',
    title: 'ALLOW rule with HTTP-only fields on a TCP port',
    message: (p: { field: string; ports: string }) =>
      `this ALLOW rule uses HTTP-only ${quote(p.field)} but applies to TCP ${p.ports}; Istio drops the rule there, so it allows nothing on those ports`,
    help: 'Split the rule: keep HTTP fields in a rule scoped to HTTP ports (`ports`), and allow TCP traffic with a rule that uses only sources and `ports`. Or name the Service port `http-…` if the traffic is HTTP.',
    description:
      'On a TCP filter chain the sidecar cannot see methods, paths, hosts, headers or JWT claims. For ALLOW, Istio skips the whole rule ("skipped rule … on TCP filter chain", `model.go` `checkError`), which makes the policy narrower: with no other matching rule every TCP connection is denied (`istio-semantics.md` §4.3; task authz-tcp).',
  },
  MG204: {
    name: 'deny-http-fields-on-tcp',
    severity: 'warning',
    title: 'DENY rule with HTTP-only fields on a TCP port',
    message: (p: { action: string; field: string; ports: string }) =>
      `this ${p.action} rule uses HTTP-only ${quote(p.field)}, which Istio ignores on TCP ${p.ports}; there it matches every connection its other conditions allow`,
    help: 'Scope the rule to HTTP ports with `ports`, so the TCP chain does not see it.',
    description:
      'For DENY, AUDIT and CUSTOM, Istio removes the HTTP-only conditions on a TCP chain and keeps the rest, which makes the rule broader: `to: [{operation: {methods: [GET]}}]` alone denies all TCP traffic (`istio-semantics.md` §4.3; validation warns with "will deny all traffic to TCP ports").',
  },
  MG205: {
    name: 'deny-bypassed-by-plaintext',
    severity: 'warning',
    title: 'DENY on identities is bypassed by plaintext',
    message: (p: { field: string; ports: string }) =>
      `this DENY rule matches on ${quote(p.field)}, but ${p.ports} accepts plaintext, which carries no identity: plaintext callers are not denied`,
    help: 'Make the port STRICT with a PeerAuthentication, or add a DENY rule `from: [{source: {notPrincipals: ["*"]}}]` to reject callers without identity.',
    description:
      'Identity fields read the verified peer certificate. A plaintext request (possible under PERMISSIVE or DISABLE) has none, so positive identity matches fail and the DENY does not fire (`istio-semantics.md` §5; ISTIO-SECURITY-2021-004).',
  },
  MG206: {
    name: 'negative-identity-allows-plaintext',
    severity: 'warning',
    title: 'ALLOW on `notNamespaces`/`notPrincipals` lets plaintext through',
    message: (p: { field: string; ports: string }) =>
      `this ALLOW rule matches on ${quote(p.field)}, and ${p.ports} accepts plaintext: a caller without identity satisfies every negative identity match and is allowed`,
    help: 'Add a positive match next to the negative one (`namespaces: ["*"]` or `principals: ["*"]`), or make the port STRICT.',
    description:
      'Negative identity fields are true when the request has no identity at all, so `notNamespaces: ["foo"]` also allows plaintext callers, including ones from `foo` (`istio-semantics.md` §5).',
  },
  MG207: {
    name: 'selector-matches-no-workload',
    severity: 'warning',
    title: 'AuthorizationPolicy selects no workload',
    message: (p: { selector: string }) =>
      `selector ${quote(p.selector)} matches no workload in the manifests; the policy has no effect here`,
    help: 'Check the labels against the pod template labels (not the Deployment labels), or remove the policy.',
    description:
      'A policy applies to pods whose labels include every `matchLabels` pair (in its namespace, or in every namespace for the root namespace). None of the analysed workloads matches (analyzer IST0127).',
  },
  MG208: {
    name: 'target-refs-ignored-by-sidecars',
    severity: 'notice',
    title: 'Policy with targetRefs is ignored by sidecars',
    message: (p: { targets: string }) =>
      `this policy targets ${p.targets}; sidecars and ztunnel ignore policies with \`targetRefs\`, so it is enforced only by waypoints or gateways`,
    help: 'Use `selector` for sidecar workloads; keep `targetRefs` for waypoints and Gateway API gateways. meshguard does not evaluate waypoint policies.',
    description:
      '`ShouldAttachPolicy` ignores any policy with `targetRef(s)` on non-gateway proxies (`istio-semantics.md` §3.1). meshguard reports it and leaves it out of sidecar access.',
  },
  MG209: {
    name: 'custom-provider-unknown',
    severity: 'error',
    title: 'CUSTOM provider not defined',
    message: (p: { provider: string }) =>
      `provider ${quote(p.provider)} is not in \`meshConfig.extensionProviders\`; Istio denies every request this policy matches`,
    help: 'Define the provider in `meshConfig.extensionProviders`, or fix its name.',
    description:
      "When the CUSTOM provider is missing or invalid, istiod generates an RBAC DENY for the policy's rules instead of the ext_authz filter (`getBadCustomDenyRules` in `builder.go`).",
  },
  MG210: {
    name: 'custom-multiple-providers',
    severity: 'error',
    title: 'Several CUSTOM providers on one workload',
    message: (p: { workload: string; providers: string }) =>
      `${quote(p.workload)} gets CUSTOM policies with providers ${p.providers}; without \`PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS\` Istio denies every request they match`,
    help: 'Use one provider per workload, or enable the feature flag in istiod.',
    description:
      'Istio supports one CUSTOM provider per workload unless the feature flag is set; otherwise it fails closed for the matching requests (`builder.go`).',
  },
  MG211: {
    name: 'dry-run-policy',
    severity: 'notice',
    title: 'Dry-run policy',
    message: (p: { action: string }) =>
      `this ${p.action} policy is annotated \`istio.io/dry-run\` and is not enforced`,
    help: 'Remove the annotation when the shadow results look right. A dry-run ALLOW does not turn on default-deny.',
    description:
      "Dry-run policies only produce shadow results (`builder.go` `isDryRun`); access is computed without them. The annotation is admitted on ALLOW and DENY policies only, with a value Go's `strconv.ParseBool` reads (`1`, `t`, `true`, `True`, `TRUE`...); anything else is rejected by the validation webhook (`checkDryRunAnnotation`) and reported as MG016.",
  },
  MG212: {
    name: 'allow-all-rule',
    severity: 'warning',
    title: 'ALLOW rule that matches every request',
    message: (p: { scope: string }) =>
      `this empty ALLOW rule allows every request to ${p.scope}; every other ALLOW policy there becomes irrelevant`,
    help: 'Replace `rules: [{}]` with rules naming the callers and operations that should be allowed.',
    description:
      'A rule without `from`, `to` or `when` matches everything, and ALLOW policies are ORed, so the selected workloads accept every request that no DENY rule rejects (`istio-semantics.md` §3.2).',
  },
  MG213: {
    name: 'unknown-http-method',
    severity: 'warning',
    title: 'Unknown HTTP method',
    message: (p: { value: string }) =>
      `method ${quote(p.value)} is not a standard HTTP method; methods are case-sensitive, so it matches only requests sent with exactly that method`,
    help: 'Use upper-case method names (`GET`, `POST`, …); gRPC requests are always `POST`.',
    description:
      '`methods` compares the `:method` header exactly (case-sensitive). A value like `get` or `Fetch` matches no request from ordinary clients (Kiali KIA0102).',
  },
  MG214: {
    name: 'host-without-port',
    severity: 'notice',
    title: 'Host without port',
    message: (p: { value: string }) =>
      `host ${quote(p.value)} has no port; clients usually send ${quote(`Host: ${p.value}:<port>`)} on non-default ports, which it does not match`,
    help: 'Add the port (`host:8000`), use `host:*`, or a prefix such as `host*`.',
    description:
      '`hosts` matches the whole `:authority` header (case-insensitively), which includes the port unless it is the scheme default (`istio-semantics.md` §3.4).',
  },
  MG215: {
    name: 'condition-not-modelled',
    severity: 'notice',
    title: 'Condition approximated',
    message: (p: { key: string; effect: string }) =>
      `meshguard does not model ${quote(p.key)} here; it assumes the fail-safe answer (${p.effect}) and marks results approximate`,
    help: 'Review access through this rule by hand. The approximation narrows what is reported as allowed.',
    description:
      'Some attributes cannot be evaluated statically: `experimental.envoy.filters.*` metadata and list-valued JWT claims outside a plain ALLOW match. meshguard treats them fail-safe: an ALLOW condition never matches and a DENY condition always matches.',
  },
  MG216: {
    name: 'ambient-not-evaluated',
    severity: 'notice',
    title: 'Ambient workload not evaluated',
    message: (p: { workload: string }) =>
      `${quote(p.workload)} runs in ambient mode; its AuthorizationPolicies are enforced by ztunnel and waypoints, which meshguard does not evaluate`,
    help: 'Review access to ambient workloads by hand. ztunnel enforces only L4 fields and skips DENY rules made of L7 fields only.',
    description:
      'ztunnel treats L7 fields differently from a sidecar (a DENY entry of only L7 fields never matches; no trust-domain alias rewriting), and waypoints enforce `targetRefs` policies (`istio-semantics.md` §4.4, §6.3). meshguard reports those edges as not evaluated rather than guessing.',
  },
  MG217: {
    name: 'jwt-without-request-authentication',
    severity: 'warning',
    title: 'JWT condition without RequestAuthentication',
    message: (p: { field: string; workload: string; effect: string }) =>
      `${quote(p.field)} needs a validated token, but no RequestAuthentication applies to ${quote(p.workload)}; ${p.effect}`,
    help: 'Add a RequestAuthentication for the workload with the issuer, or remove the condition.',
    description:
      'Without a RequestAuthentication no token is validated, so request principals and `request.auth.*` claims are always empty: positive matches never hold and negative ones always do (`istio-semantics.md` §5).',
  },
  MG218: {
    name: 'namespace-glob-matches-service-account',
    severity: 'warning',
    title: 'Namespace pattern also matches the service-account segment',
    message: (p: { value: string }) =>
      `namespace pattern ${quote(p.value)} also matches identities from other namespaces: Istio's regex ${quote(`.*/ns/${p.value.replace(/\*/g, '.*')}/.*`)} can end at the \`/sa/\` segment`,
    help: 'Use an exact namespace or a prefix pattern (`prod-*`); avoid a pattern that ends in `a` or `sa` after a `*`.',
    description:
      'Istio turns each `*` of a namespace value into `.*` in the regex `.*/ns/<value>/.*` over the whole SPIFFE URI (`srcNamespaceGenerator`). A `.*` can run past the namespace into `/sa/<service-account>`, so `*a` (or `x*sa`) matches every identity whose namespace starts with the literal before the `*`.',
  },

  // ---- MG3xx: access changes -----------------------------------------------------------------
  MG301: {
    name: 'newly-allowed-unauthenticated',
    severity: 'error',
    title: 'Plaintext callers newly allowed',
    message: (p: { to: string; requests: string }) =>
      `callers without a mesh identity can now reach ${quote(p.to)}${p.requests}`,
    help: 'Require mTLS (a STRICT PeerAuthentication) or allow only named identities (`principals`, `namespaces`); negative matches such as `notNamespaces` also match callers that have no identity.',
    description:
      'A change lets `(unauthenticated)` traffic (a pod without a sidecar, a VM, anything reaching a PERMISSIVE port in plaintext) through where it was denied or limited before. In a zero-trust mesh this is the most serious regression: nobody can tell who the caller is.',
  },
  MG302: {
    name: 'newly-allowed-any-identity',
    severity: 'error',
    title: 'Any mesh identity newly allowed',
    message: (p: { to: string; requests: string }) =>
      `any workload in the mesh, in any namespace, can now reach ${quote(p.to)}${p.requests}`,
    help: 'Name the callers that need access (`principals` or `namespaces`) instead of a wildcard or an allow-all rule.',
    description:
      'A change grants access to `(any mesh identity)`: every workload of every namespace, including ones not in these manifests. Usually the result of `principals: ["*"]`, a rule without `from`, or a removed ALLOW policy.',
  },
  MG303: {
    name: 'newly-allowed-cross-namespace',
    severity: 'warning',
    title: 'Access newly granted across namespaces',
    message: (p: { from: string; to: string; requests: string }) =>
      `${quote(p.from)} can now reach ${quote(p.to)} in another namespace${p.requests}`,
    help: 'Check that the other team expects this caller; narrow the rule to the methods and paths it needs.',
    description:
      'A workload of one namespace gains access to a workload of another. Namespaces are usually trust boundaries between teams, so such grants deserve a second look.',
  },
  MG304: {
    name: 'newly-allowed-sensitive-port',
    severity: 'error',
    title: 'Access newly granted to a sensitive port',
    message: (p: { from: string; to: string; port: number }) =>
      `${quote(p.from)} can now reach the sensitive port ${p.port} of ${quote(p.to)}`,
    help: 'Datastores, admin and debug ports should be reachable only by the workloads that own them. The list of sensitive ports is configurable (`sensitivePorts`).',
    description:
      'A change opens a port that commonly carries data or administration (databases, caches, search, etcd, SSH by default) to a new caller.',
  },
  MG305: {
    name: 'default-deny-removed',
    severity: 'error',
    title: 'Default-deny policy removed or weakened',
    message: (p: { policy: string; how: string }) => `${p.policy} ${p.how}`,
    help: 'Keep an allow-nothing policy (an ALLOW policy without rules) in the namespace or the root namespace, and grant access with specific ALLOW policies.',
    description:
      'An allow-nothing policy (ALLOW with no rules) makes every workload in its scope deny by default; a deny-all policy (DENY with an empty rule) denies everything. Removing one, or giving it rules, opens every workload it covered that has no other ALLOW policy.',
  },
  MG306: {
    name: 'protected-workload-not-strict',
    severity: 'error',
    title: 'Protected workload not STRICT',
    message: (p: { workload: string; port: number; mode: string }) =>
      `protected workload ${quote(p.workload)} accepts ${p.mode} traffic on port ${p.port}; it must stay STRICT`,
    help: 'Keep a STRICT PeerAuthentication for this workload, or change `protected` in .github/meshguard.yml if the protection no longer applies.',
    description:
      'The configuration lists namespaces and workloads whose every port must require mutual TLS. The change leaves a port of one of them PERMISSIVE, DISABLE or without a sidecar.',
  },
  MG307: {
    name: 'new-workload-open',
    severity: 'warning',
    title: 'New workload open to callers outside its policies',
    message: (p: { workload: string; port: number; who: string }) =>
      `new workload ${quote(p.workload)} accepts ${p.who} on port ${p.port}`,
    help: 'Add an AuthorizationPolicy for the new workload (or make sure a namespace or mesh default-deny covers it).',
    description:
      'A workload added by the change accepts requests from `(unauthenticated)` or `(any mesh identity)` callers on some port: no policy restricts it yet.',
  },

  MG308: {
    name: 'new-workload-reaches-other-namespaces',
    severity: 'notice',
    title: 'New workload reaches other namespaces',
    message: (p: { workload: string; count: number; targets: string }) =>
      `new workload ${quote(p.workload)} can reach ${p.count} workload port${p.count === 1 ? '' : 's'} in other namespaces: ${p.targets}`,
    help: 'Check that every grant it inherits (namespace-wide or wildcard principals, no ALLOW policy at all) is meant for it; workloads added later inherit them too.',
    description:
      'Added workloads are reported once, not as edge changes, but they become callers too: policies that allow a whole namespace, wildcard principals or no policy at all let them in. This lists what a new workload can reach outside its own namespace.',
  },
  MG309: {
    name: 'deny-no-longer-applies',
    severity: 'error',
    title: 'A DENY rule no longer stops a caller',
    message: (p: { from: string; to: string; policy: string; rule: string; requests: string }) =>
      `${quote(p.from)} can now reach ${quote(p.to)}${p.requests}, which DENY ${quote(p.policy)} ${p.rule} stopped before the change`,
    help: 'If the DENY was meant to stop applying, ignore this finding with that reason; otherwise restore the rule, or undo what made it stop matching (a service account, a plaintext hop, a namespace, a label).',
    description:
      "An explicit DENY is the strongest statement a policy makes, and it can stop applying without being edited: deleted, narrowed, its selector missing the workload, or the caller's identity changed (another service account, a DestinationRule that sends plaintext so principals and namespaces no longer match). meshguard reports requests that a base DENY rule matched for this caller and that the head allows.",
  },

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
export type MessageParams<C extends Code> =
  Parameters<(typeof catalogue)[C]['message']> extends [infer P, ...unknown[]]
    ? P
    : Record<string, never>;

export function isPartialInput(code: Code): boolean {
  const entry: CatalogueEntry = catalogue[code];
  return entry.partialInput === true;
}

export function isCode(value: string): value is Code {
  return Object.hasOwn(catalogue, value);
}
