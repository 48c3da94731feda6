import type { ServicePort } from '../model/kubernetes.js';

/** Istio's protocol instances (`pkg/config/protocol/instance.go`), plus `auto` for Unsupported. */
export type Protocol =
  | 'http'
  | 'http2'
  | 'grpc'
  | 'grpc-web'
  | 'http-proxy'
  | 'https'
  | 'tls'
  | 'tcp'
  | 'mongo'
  | 'mysql'
  | 'redis'
  | 'udp'
  | 'auto';

/**
 * How the inbound sidecar handles a port, which decides whether HTTP fields of an
 * AuthorizationPolicy can be evaluated: `http` chains see requests, `tcp` chains see only
 * connections, `auto` ports get both chains and pick by sniffing, `none` is not captured (UDP).
 */
export type Chain = 'http' | 'tcp' | 'auto' | 'none';

const BY_NAME: Readonly<Record<string, Protocol>> = {
  tcp: 'tcp',
  udp: 'udp',
  grpc: 'grpc',
  'grpc-web': 'grpc-web',
  http: 'http',
  http_proxy: 'http-proxy',
  http2: 'http2',
  https: 'https',
  tls: 'tls',
  mongo: 'mongo',
  redis: 'redis',
  mysql: 'mysql',
};

/** SMTP, DNS, MySQL and MongoDB default to TCP when the name says nothing. */
const WELL_KNOWN_TCP = new Set([25, 53, 3306, 27017]);

/**
 * The protocol of a Service port, as `ConvertProtocol` (`pkg/config/kube/conversion.go`) decides
 * it: UDP is never proxied; otherwise `appProtocol` if set, else the port name, whose part before
 * the first `-` is matched case-insensitively.
 */
export function servicePortProtocol(
  port: Pick<ServicePort, 'port' | 'name' | 'protocol' | 'appProtocol'>,
): Protocol {
  if (port.protocol === 'UDP') return 'udp';
  let name = port.name ?? '';
  if (port.appProtocol !== null) {
    name = port.appProtocol;
    if (name === 'kubernetes.io/h2c') return 'http2';
    if (name === 'kubernetes.io/ws') return 'http';
    if (name === 'kubernetes.io/wss') return 'https';
  }
  if (name.toLowerCase().startsWith('grpc-web')) return 'grpc-web';
  const dash = name.indexOf('-');
  const prefix = (dash >= 0 ? name.slice(0, dash) : name).toLowerCase();
  const parsed = BY_NAME[prefix];
  if (parsed !== undefined) return parsed;
  return WELL_KNOWN_TCP.has(port.port) ? 'tcp' : 'auto';
}

/** `ModelProtocolToListenerProtocol`: HTTPS and TLS are not terminated, so they are TCP. */
export function chainOf(protocol: Protocol): Chain {
  switch (protocol) {
    case 'http':
    case 'http2':
    case 'grpc':
    case 'grpc-web':
    case 'http-proxy':
      return 'http';
    case 'udp':
      return 'none';
    case 'auto':
      return 'auto';
    default:
      return 'tcp';
  }
}
