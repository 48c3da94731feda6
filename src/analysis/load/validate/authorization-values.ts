import { quote } from '../../findings/quote.js';

/**
 * Value checks from Istio's AuthorizationPolicy validation (`pkg/config/security/security.go`:
 * CheckEmptyValues, CheckServiceAccount, CheckTrustDomainValues, CheckValidPathTemplate,
 * ValidateIPs, ValidatePorts, ValidateAttribute). Each returns the reason a value is invalid, or
 * `null` when Istio accepts it.
 */

const VALID_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;
const MATCH_ONE = '{*}';
const MATCH_ANY = '{**}';

export function checkPort(value: string): string | null {
  if (!/^\d+$/.test(value) || Number(value) > 65535) return 'ports are numbers from 0 to 65535';
  return null;
}

export function checkIpOrCidr(value: string): string | null {
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const bits = value.slice(slash + 1);
    const address = value.slice(0, slash);
    const family = ipFamily(address);
    if (family === null || !/^\d+$/.test(bits)) return 'not a CIDR range';
    return Number(bits) <= (family === 4 ? 32 : 128) ? null : 'prefix length too long';
  }
  return ipFamily(value) === null ? 'not an IP address or CIDR range' : null;
}

/** 4 or 6 for a textual IP address as Go's `netip.ParseAddr` accepts it, else `null`. */
export function ipFamily(value: string): 4 | 6 | null {
  if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(value)) {
    const octets = value.split('.');
    // netip rejects leading zeros ("010.0.0.1") and octets above 255.
    return octets.every((o) => Number(o) <= 255 && (o === '0' || !o.startsWith('0'))) ? 4 : null;
  }
  return isIpv6(value) ? 6 : null;
}

function isIpv6(value: string): boolean {
  const zoneless = value.split('%')[0] ?? '';
  if (!/^[0-9a-fA-F:.]+$/.test(zoneless) || !zoneless.includes(':')) return false;
  const halves = zoneless.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = 0;
  for (const [index, group] of groups.entries()) {
    if (group.includes('.')) {
      if (index !== groups.length - 1 || ipFamily(group) !== 4) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export function checkServiceAccount(value: string): string | null {
  if (value.includes('*')) return 'wildcards are not allowed in serviceAccounts';
  if (value.length > 320) return 'longer than 320 characters';
  const parts = value.split('/');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    return "expected 'serviceAccount' or 'namespace/serviceAccount'";
  }
  return null;
}

export function checkWildcard(value: string): string | null {
  const stars = value.split('*').length - 1;
  if (stars > 1) return 'at most one wildcard is allowed';
  if (stars === 1 && value !== '*' && !value.startsWith('*') && !value.endsWith('*')) {
    return 'a wildcard is only allowed at the start or the end';
  }
  return null;
}

export function checkTrustDomain(value: string): string | null {
  return checkWildcard(value) ?? (value.includes('/') ? "a trust domain cannot contain '/'" : null);
}

/** Path templates (`{*}`, `{**}`), as `CheckValidPathTemplate` accepts them. */
export function checkPathTemplate(value: string): string | null {
  const hasTemplate = value.includes(MATCH_ONE) || value.includes(MATCH_ANY);
  let seenMatchAny = false;
  for (const segment of trimSlashes(value).split('/')) {
    if (segment === MATCH_ONE && !seenMatchAny) continue;
    if (segment === MATCH_ANY && !seenMatchAny) {
      seenMatchAny = true;
      continue;
    }
    if (segment === MATCH_ANY || segment === MATCH_ONE) return '`{**}` must be the last operator';
    if (/[{}]/.test(segment)) return "contains '{' or '}' outside a whole-segment `{*}` or `{**}`";
    if (hasTemplate && !VALID_LITERAL.test(segment))
      return `segment ${quote(segment)} is not a valid literal`;
  }
  return null;
}

function trimSlashes(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === '/') start++;
  while (end > start && value[end - 1] === '/') end--;
  return value.slice(start, end);
}

export type ConditionKeyCheck =
  | { readonly ok: true; readonly values: (value: string) => string | null }
  | { readonly ok: false; readonly reason: string };

const ACCEPT = (): null => null;

/** `ValidateAttribute`: which `when` keys Istio knows and how their values are checked. */
export function checkConditionKey(key: string): ConditionKeyCheck {
  const mapKey = (prefix: string): ConditionKeyCheck =>
    isMapKey(key)
      ? { ok: true, values: ACCEPT }
      : { ok: false, reason: `should have the form ${prefix}[name]` };
  if (key.startsWith('request.headers')) return mapKey('request.headers');
  if (key.startsWith('request.auth.claims')) return mapKey('request.auth.claims');
  if (key.startsWith('experimental.envoy.filters.'))
    return mapKey('experimental.envoy.filters.<filter>');
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
    case 'destination.ip':
      return { ok: true, values: checkIpOrCidr };
    case 'destination.port':
      return { ok: true, values: checkPort };
    case 'source.serviceAccount':
      return { ok: true, values: checkServiceAccount };
    case 'source.trustDomain':
      return { ok: true, values: checkWildcard };
    case 'source.namespace':
    case 'source.principal':
    case 'request.auth.principal':
    case 'request.auth.audiences':
    case 'request.auth.presenter':
    case 'connection.sni':
      return { ok: true, values: ACCEPT };
    case 'destination.namespace':
      return { ok: false, reason: 'replaced by metadata.namespace' };
    case 'destination.name':
    case 'destination.user':
      return { ok: false, reason: 'only supported in the removed v1alpha1 API' };
    default:
      if (key.startsWith('destination.labels'))
        return { ok: false, reason: 'replaced by the workload selector' };
      return { ok: false, reason: 'unknown attribute' };
  }
}

/** `validateMapKey`: a `[` somewhere after the start, a `]` at the end, a name in between. */
function isMapKey(key: string): boolean {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2;
}
