import type { Sidecar } from '../model/istio.js';
import { formatRef } from '../model/source.js';
import type { Source } from '../model/source.js';
import type { ClientContext } from './client-class.js';
import { side } from './client-side.js';
import type { ClientSide, ClientTlsDeps } from './client-side.js';
import { noteEvidence, objectEvidence } from './evidence.js';
import type { Exposure } from './hosts.js';
import { hostVisibleTo } from './hosts.js';
import { sidecarImports } from './sidecar-scope.js';
import type { Evidence, InjectionDecision } from './types.js';
import { quote } from '../findings/quote.js';

/** ztunnel ignores DestinationRules and Sidecars; it speaks HBONE to proxies that accept it (§6.3). */
export function fromZtunnel(server: InjectionDecision): ClientSide {
  if (server.dataplane === 'AMBIENT') {
    return side('HBONE', 'ISTIO_MUTUAL', 'ztunnel tunnels the call with mTLS (HBONE)', [
      noteEvidence('ambient to ambient: ztunnel to ztunnel over HBONE'),
    ]);
  }
  if (server.dataplane === 'SIDECAR' && !server.gateway) {
    return {
      ...side('HBONE', 'ISTIO_MUTUAL', 'ztunnel tunnels the call to the sidecar (HBONE)', [
        noteEvidence(
          'assumes the ambient profile, where injected sidecars accept HBONE; without it ztunnel sends plaintext',
        ),
      ]),
      exact: false,
    };
  }
  return side('PASSTHROUGH', 'DISABLE', 'ztunnel passes the call through in plaintext', [
    noteEvidence('the destination has no HBONE-capable proxy: ztunnel sends plaintext'),
  ]);
}

/** The Service visibility and Sidecar egress scope: a host outside it goes to passthrough (§2.6). */
export function outsideScope(
  context: ClientContext,
  exposure: Exposure | null,
  deps: ClientTlsDeps,
): ClientSide | null {
  let why: Evidence | null = null;
  if (exposure === null) {
    why = noteEvidence(
      'no Service exposes this port: a direct pod-IP call leaves through the passthrough cluster',
    );
  } else if (!hostVisibleTo(exposure.entry, context.namespace)) {
    why = {
      ref: exposure.entry.ref,
      at: exposure.entry.at,
      note: `${formatRef(exposure.entry.ref)} is not exported to the client's namespace`,
    };
  } else if (
    context.kind === 'sidecar' &&
    !sidecarImports(context.sidecar, context.namespace, exposure.entry, exposure.servicePort)
  ) {
    const sidecar = context.sidecar;
    why =
      sidecar === null
        ? noteEvidence('outside the Sidecar egress scope')
        : objectEvidence(
            sidecar,
            `egress hosts do not import ${quote(`${exposure.entry.host}:${exposure.servicePort}`)}`,
            egressListenerAt(sidecar, exposure.servicePort),
          );
  }
  if (why === null) return null;
  const policy = context.sidecar?.outboundTrafficPolicy ?? deps.outboundTrafficPolicy;
  if (policy === 'REGISTRY_ONLY') {
    return side('BLOCKED', 'DISABLE', 'the client proxy drops the call (REGISTRY_ONLY)', [
      why,
      noteEvidence(
        'outboundTrafficPolicy REGISTRY_ONLY: unknown destinations go to the BlackHoleCluster',
      ),
    ]);
  }
  return side(
    'PASSTHROUGH',
    'DISABLE',
    'the call leaves through the passthrough cluster in plaintext',
    [why, noteEvidence('outboundTrafficPolicy ALLOW_ANY: the PassthroughCluster has no TLS')],
  );
}

/** The egress listener that would carry the port (its own, else the catch-all): where to add the host. */
function egressListenerAt(sidecar: Sidecar, port: number): Source {
  const listener =
    sidecar.egress.find((e) => e.port === port) ??
    sidecar.egress.find((e) => e.port === null) ??
    sidecar.egress[0];
  return listener?.at ?? sidecar.source;
}
