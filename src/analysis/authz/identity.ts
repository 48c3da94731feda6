import type { MeshSettings } from '../model/mesh-settings.js';
import type { PeerIdentity } from '../topology/callers.js';

/**
 * Matching the caller's identity, which the server learns only from an Istio mTLS peer
 * certificate. Istio compiles every identity field into an Envoy `authenticated` principal
 * matcher on the URI SAN `spiffe://<trust-domain>/ns/<ns>/sa/<sa>`
 * (`pilot/pkg/security/authz/model/generator.go`); that matcher is false when the connection
 * carries no verified certificate, so for a plaintext caller every positive identity match
 * fails and every negative one succeeds (`istio-semantics.md` §5).
 *
 * The regular expressions below are the ones the generators emit, evaluated in full-match mode
 * as Envoy's `safe_regex` does.
 */
export type IdentityAtom =
  /** `principals` / `source.principal`, after trust-domain alias rewriting. */
  | { readonly kind: 'principal'; readonly pattern: string }
  /** `namespaces` / `source.namespace`: regex `.*\/ns/<glob>/.*`, every `*` a `.*`. */
  | { readonly kind: 'namespace'; readonly pattern: string }
  /** `serviceAccounts` / `source.serviceAccount`: `<ns>/<sa>`, the namespace defaulted. */
  | { readonly kind: 'serviceAccount'; readonly namespace: string; readonly name: string }
  /** `trustDomains` / `source.trustDomain`, after alias expansion. */
  | { readonly kind: 'trustDomain'; readonly pattern: string };

export function identityAtomKey(atom: IdentityAtom): string {
  switch (atom.kind) {
    case 'serviceAccount':
      return `sa:${atom.namespace}/${atom.name}`;
    default:
      return `${atom.kind}:${atom.pattern}`;
  }
}

const SPIFFE = 'spiffe://';
const regexCache = new Map<string, RegExp>();

export function peerUri(peer: PeerIdentity): string {
  return SPIFFE + peer.principal;
}

export function testIdentityAtom(atom: IdentityAtom, peer: PeerIdentity | null): boolean {
  if (peer === null) return false;
  const uri = peerUri(peer);
  switch (atom.kind) {
    case 'principal':
      return testPrincipalPattern(atom.pattern, uri);
    case 'namespace':
      return regex(`.*/ns/${globToRegex(atom.pattern)}/.*`).test(uri);
    case 'serviceAccount':
      return regex(
        `spiffe://.+/ns/${quote(atom.namespace)}/(.+/|)sa/${quote(atom.name)}(/.+)?`,
      ).test(uri);
    case 'trustDomain':
      return testTrustDomainPattern(atom.pattern, uri);
  }
}

/** `StringMatcherWithPrefix(value, "spiffe://")`; `*` alone is the regex `.+`. */
function testPrincipalPattern(pattern: string, uri: string): boolean {
  if (pattern === '*') return uri.length > 0;
  if (pattern.startsWith('*'))
    return regex(`${quote(SPIFFE)}.*${quote(pattern.slice(1))}`).test(uri);
  if (pattern.endsWith('*')) return uri.startsWith(SPIFFE + pattern.slice(0, -1));
  return uri === SPIFFE + pattern;
}

/** `srcTrustDomainGenerator`: a prefix on the URI, or a regex for one `*` inside the domain. */
function testTrustDomainPattern(pattern: string, uri: string): boolean {
  if (pattern === '*') return uri.startsWith(SPIFFE);
  const star = pattern.indexOf('*');
  if (star < 0) return uri.startsWith(`${SPIFFE}${pattern}/`);
  const head = quote(pattern.slice(0, star));
  const tail = quote(pattern.slice(star + 1));
  return regex(`spiffe://${head}[^/]*${tail}/.*`).test(uri);
}

function globToRegex(glob: string): string {
  return glob.split('*').map(quote).join('.*');
}

function quote(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function regex(source: string): RegExp {
  let cached = regexCache.get(source);
  if (cached === undefined) {
    cached = new RegExp(`^(?:${source})$`, 's');
    if (regexCache.size > 10_000) regexCache.clear();
    regexCache.set(source, cached);
  }
  return cached;
}

// ---- trust domains ----------------------------------------------------------------------------

export const CLUSTER_LOCAL = 'cluster.local';

/** `[meshConfig.trustDomain, ...trustDomainAliases]`, as `trustdomain.NewBundle` orders it. */
export function trustDomainBundle(settings: MeshSettings): readonly string[] {
  return [settings.trustDomain.value, ...settings.trustDomainAliases.value];
}

/**
 * `ReplaceTrustDomainAliases` (`pilot/pkg/security/trustdomain/bundle.go`): a principal of
 * exactly five `/`-separated parts whose trust domain is in the bundle, matches one by
 * prefix/suffix pattern, or is literally `cluster.local`, becomes one principal per bundle
 * entry. A leading `*` trust domain is kept for the entries it already matches. Anything else is
 * left alone (and then only matches that literal trust domain).
 */
export function rewritePrincipal(principal: string, bundle: readonly string[]): string[] {
  const parts = principal.split('/');
  if (parts.length !== 5 || parts[0] === '*') return [principal];
  const domain = parts[0] ?? '';
  if (!bundle.some((entry) => loosely(domain, entry)) && domain !== CLUSTER_LOCAL)
    return [principal];
  const out: string[] = [];
  for (const entry of bundle) {
    const next = suffixPattern(entry, domain) ? principal : [entry, ...parts.slice(1)].join('/');
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

/** `ExpandTrustDomainAliases`: a bundle member stands for the whole bundle. */
export function expandTrustDomain(value: string, bundle: readonly string[]): string[] {
  return bundle.includes(value) ? [...bundle] : [value];
}

/** `stringMatch` of `trustdomain/util.go`: the pattern may sit on either side. */
function loosely(a: string, b: string): boolean {
  return (
    a === b ||
    b === '*' ||
    prefixPattern(a, b) ||
    prefixPattern(b, a) ||
    suffixPattern(a, b) ||
    suffixPattern(b, a)
  );
}

function prefixPattern(value: string, pattern: string): boolean {
  return pattern.endsWith('*') && value.startsWith(pattern.slice(0, -1));
}

function suffixPattern(value: string, pattern: string): boolean {
  return pattern.startsWith('*') && value.endsWith(pattern.slice(1));
}

/** The identity a sidecar workload presents: `<trust-domain>/ns/<ns>/sa/<sa>`. */
export function workloadPeer(
  settings: MeshSettings,
  namespace: string,
  serviceAccount: string,
): PeerIdentity {
  const trustDomain = settings.trustDomain.value;
  return {
    principal: `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`,
    trustDomain,
    namespace,
    serviceAccount,
  };
}

/**
 * Names no Kubernetes object can have (they contain `~`): an identity from a namespace and
 * service account outside the manifests, which only wildcard patterns can match. It stands for
 * the `(any mesh identity)` pseudo-caller.
 */
export const OUTSIDE_NAMESPACE = '~other';
export const OUTSIDE_SERVICE_ACCOUNT = '~other';

export function outsidePeer(settings: MeshSettings): PeerIdentity {
  return workloadPeer(settings, OUTSIDE_NAMESPACE, OUTSIDE_SERVICE_ACCOUNT);
}

/**
 * The identity policies see for a caller whose transport presented `peer`. The mTLS engine names
 * `(any mesh identity)` by its label for display; policies must see a real SPIFFE identity, one
 * that only wildcard, namespace-glob and trust-domain patterns can match (§5).
 */
export function policyPeer(
  settings: MeshSettings,
  caller: { readonly kind: string },
  peer: PeerIdentity | null,
): PeerIdentity | null {
  if (peer === null) return null;
  return caller.kind === 'any-mesh-identity' ? outsidePeer(settings) : peer;
}
