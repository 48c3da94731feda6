import type { DimensionKey, Value } from './dimensions.js';
import { parseAddress } from './ip.js';
import type { ConcreteRequest } from './request.js';
import type { RequestSet } from './request-set.js';
import { containsPoint } from './request-set.js';
import { asciiLower } from './strings.js';

/**
 * A concrete request as a point of the symbolic request space. List-valued claims take their
 * first element: the symbolic engine models a claim as one value (see `compile-rule.ts`).
 */
export function requestValue(request: ConcreteRequest, dimension: DimensionKey): Value {
  switch (dimension) {
    case 'traffic':
      return request.traffic;
    case 'method':
      return request.method ?? null;
    case 'path':
      return request.path ?? null;
    case 'host':
      return request.host === undefined ? null : asciiLower(request.host);
    case 'sni':
      return request.sni ?? null;
    case 'source.ip':
      return address(request.sourceIp);
    case 'remote.ip':
      return address(request.remoteIp);
    case 'destination.ip':
      return address(request.destinationIp);
    case 'jwt':
      return token(request);
  }
  if (dimension.startsWith('header:')) return request.headers?.[dimension.slice(7)] ?? null;
  return null;
}

export function setContains(set: RequestSet, request: ConcreteRequest): boolean {
  return containsPoint(set, (dimension) => requestValue(request, dimension));
}

function address(text: string | undefined): Value {
  return text === undefined ? parseAddress('0.0.0.0') : parseAddress(text);
}

function token(request: ConcreteRequest): Value {
  const jwt = request.jwt;
  if (jwt === undefined || jwt === null) return null;
  const out: Record<string, string | null> = {
    iss: jwt.iss,
    sub: jwt.sub ?? null,
    azp: jwt.azp ?? null,
    aud: first(jwt.aud),
  };
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string' || Array.isArray(value))
      out[`claim:${path.join('\u0000')}`] = first(value);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(jwt.claims ?? {}, []);
  return out;
}

function first(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}
