import type { Chain } from '../topology/index.js';
import type { ClientSide } from './client-tls.js';
import type { PortMode, Transport } from './types.js';

/**
 * The outcome of one hop from what the client originates and what the server port accepts: the
 * truth table of §1.5 (`filterchain_options.go`, `sidecar_simulation_test.go` `TestInbound`) and
 * the broken combinations of §2.7.
 */
export interface Outcome {
  readonly transport: Transport;
  readonly reason: string;
  /** The server side's answer depends on the application (TLS passed through to it). */
  readonly dependsOnApplication: boolean;
}

export function combine(client: ClientSide, server: PortMode, chain: Chain): Outcome {
  const serverPhrase = describeServer(server);
  const outcome = (transport: Transport, why: string, dependsOnApplication = false): Outcome => ({
    transport,
    reason: `${client.phrase}; ${why}`,
    dependsOnApplication,
  });
  if (client.mode === 'BLOCKED') return outcome('broken', 'the call never leaves the client');
  const sent = client.effective;
  if (server.mode === 'NO_SIDECAR') {
    if (sent === 'ISTIO_MUTUAL')
      return outcome('broken', `${serverPhrase}, so nothing terminates the Istio mTLS`);
    if (sent === 'DISABLE')
      return outcome('plaintext', `${serverPhrase}: plaintext, no peer identity`);
    return outcome('plaintext', `${serverPhrase}: the application must terminate the TLS`, true);
  }
  if (server.mode === 'STRICT') {
    if (sent === 'ISTIO_MUTUAL')
      return outcome('mtls', `${serverPhrase} accepts it with the peer's identity`);
    if (sent === 'DISABLE') return outcome('broken', `${serverPhrase} rejects plaintext`);
    return outcome('broken', `${serverPhrase} rejects TLS that is not Istio mTLS`);
  }
  if (server.mode === 'PERMISSIVE') {
    if (sent === 'ISTIO_MUTUAL')
      return outcome('mtls', `${serverPhrase} accepts it with the peer's identity`);
    if (sent === 'DISABLE')
      return outcome('plaintext', `${serverPhrase} accepts plaintext, with no peer identity`);
    if (chain === 'http')
      return outcome(
        'broken',
        `${serverPhrase} has no filter chain for foreign TLS on an HTTP port`,
      );
    return outcome(
      'plaintext',
      `${serverPhrase} passes the TLS through to the application as TCP`,
      true,
    );
  }
  // DISABLE, including gateways, whose listeners do not terminate Istio mTLS.
  if (sent === 'DISABLE')
    return outcome('plaintext', `${serverPhrase} accepts plaintext, with no peer identity`);
  if (sent === 'ISTIO_MUTUAL') {
    return outcome(
      'broken',
      chain === 'http'
        ? `${serverPhrase} does not terminate mTLS: protocol error on an HTTP port`
        : `${serverPhrase} does not terminate mTLS: the application receives TLS bytes`,
    );
  }
  if (chain === 'http')
    return outcome('broken', `${serverPhrase}: foreign TLS on an HTTP port is a protocol error`);
  return outcome('plaintext', `${serverPhrase} passes the TLS through to the application`, true);
}

export function describeServer(server: PortMode): string {
  switch (server.level) {
    case 'no-sidecar':
      return 'the server port has no sidecar';
    case 'gateway':
      return 'the gateway listener (PeerAuthentication does not apply)';
    case 'default':
      return `the ${server.mode} port (Istio's default)`;
    case 'port':
      return `the ${server.mode} port (port-level policy)`;
    case 'workload':
      return `the ${server.mode} port (workload policy)`;
    default:
      return `the ${server.mode} port (${server.level}-wide policy)`;
  }
}
