import { setContains } from '../../src/analysis/authz/point.js';
import type { ConcreteRequest } from '../../src/analysis/authz/request.js';
import type { AccessResult } from '../../src/analysis/authz/types.js';
import type { MeshSettingsOverrides } from '../../src/analysis/model/mesh-settings.js';
import type { PeerIdentity } from '../../src/analysis/topology/callers.js';
import { documents, policy, side, workload } from './support.js';

/**
 * The standard scene of the field tests: workload `foo/server` (service account `server`,
 * labels `app=server`) with an HTTP port 8080, a TCP port 9090 and an auto-detected port 7070;
 * policies in `foo` unless they name another namespace. Callers are named `ns/sa`, or `null` for
 * plaintext.
 */
export const HTTP = 8080;
export const TCP = 9090;
export const AUTO = 7070;

export interface Scene {
  access(port: number, caller: string | null): AccessResult;
  /** Does `caller` get `request` through on `port`? */
  allows(port: number, caller: string | null, request?: Partial<ConcreteRequest>): boolean;
  peer(caller: string): PeerIdentity;
}

export function scene(
  specs: readonly (
    | Record<string, unknown>
    | {
        namespace: string;
        name?: string;
        spec: Record<string, unknown>;
        annotations?: Record<string, string>;
      }
  )[],
  options: { mesh?: MeshSettingsOverrides; extra?: string[] } = {},
): Scene {
  const docs = specs.map((s, i) =>
    'spec' in s && typeof s.namespace === 'string'
      ? policy(
          s.namespace,
          (s.name as string | undefined) ?? `p${i}`,
          s.spec as Record<string, unknown>,
          s.annotations as Record<string, string> | undefined,
        )
      : policy('foo', `p${i}`, s),
  );
  const s = side(
    documents(
      workload('foo', 'server', { ports: { [HTTP]: 'http', [TCP]: 'tcp', [AUTO]: 'web' } }),
      ...docs,
      ...(options.extra ?? []),
    ),
    options.mesh ? { meshSettings: options.mesh } : {},
  );
  const peer = (caller: string | null) => (caller === null ? null : s.peer(caller));
  return {
    access: (port, caller) => s.access('foo/server', port, peer(caller)),
    allows(port, caller, request = {}) {
      const traffic = port === TCP ? 'tcp' : (request.traffic ?? 'http');
      const full: ConcreteRequest = {
        traffic,
        method: 'GET',
        path: '/',
        host: 'server.foo:8080',
        sourceIp: '10.0.0.1',
        ...request,
      };
      return setContains(s.access('foo/server', port, peer(caller)).allowed, full);
    },
    peer: (caller) => s.peer(caller),
  };
}

export const REQUEST_AUTHENTICATION = JSON.stringify({
  apiVersion: 'security.istio.io/v1',
  kind: 'RequestAuthentication',
  metadata: { name: 'jwt', namespace: 'foo' },
  spec: { jwtRules: [{ issuer: 'https://issuer.example' }] },
});
