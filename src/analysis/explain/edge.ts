import { explainAccess, policyPeer } from '../authz/index.js';
import type { ExplainQuery } from '../authz/index.js';
import { isPartialInput } from '../findings/catalogue.js';
import type { EdgeTransport } from '../mtls/index.js';
import type { Caller, WorkloadNode } from '../topology/index.js';
import type { EdgeQuery } from './query.js';
import { resolveCaller, resolvePorts, resolveWorkload } from './resolve.js';
import type { ChosenPort } from './resolve.js';
import { selectorMisses } from './selector-miss.js';
import type { ExplainSide } from './side.js';
import type { EdgeResult, PortAnswer } from './types.js';

/**
 * Explains one caller reaching one workload, per port: the transport the mTLS engine finds (with
 * the objects that decided it), the peer identity the server therefore sees, and the
 * authorization decision for that identity with the rules that made it. A connection that fails
 * (`broken`) is denied whatever the policies say; its answer also tells what authorization would
 * decide over mTLS, so the reader knows whether fixing the transport is enough.
 */
export function explainEdge(side: ExplainSide, query: EdgeQuery): EdgeResult {
  const caller = resolveCaller(side.topology, query.from);
  if ('problem' in caller) return { kind: 'problem', problem: caller.problem };
  const workload = resolveWorkload(side.topology, query.to);
  if ('problem' in workload) return { kind: 'problem', problem: workload.problem };
  const ports = resolvePorts(workload.value, query.port);
  if ('problem' in ports) return { kind: 'problem', problem: ports.problem };
  const request: ExplainQuery = {
    ...(query.method === null ? {} : { method: query.method }),
    ...(query.path === null ? {} : { path: query.path }),
  };
  const answers = ports.value.map((chosen) =>
    answerPort(side, caller.value, workload.value, chosen, request),
  );
  const denied = answers.some((answer) => answer.access !== 'allow');
  return {
    kind: 'answer',
    explanation: {
      query,
      caller: {
        id: caller.value.id,
        kind: caller.value.kind,
        identity: side.mtls.identity(caller.value),
      },
      workload: workload.value.id,
      ports: answers,
      selectorMisses: denied
        ? selectorMisses(side.authz, side.topology, workload.value, (w) =>
            side.mtls.selectorLabels(w),
          )
        : [],
      partialInput: side.diagnostics.some((d) => isPartialInput(d.code)),
    },
  };
}

function answerPort(
  side: ExplainSide,
  caller: Caller,
  workload: WorkloadNode,
  chosen: ChosenPort,
  request: ExplainQuery,
): PortAnswer {
  const { port, choice } = chosen;
  const { alternatives, ...primary } = side.mtls.transport(caller, workload, port.port);
  const paths: EdgeTransport[] = [primary, ...alternatives];
  const service = choice.service;
  const transport =
    (service === null
      ? undefined
      : paths.find(
          (t) =>
            t.via !== null &&
            t.via.kind === service.ref.kind &&
            t.via.namespace === service.ref.namespace &&
            t.via.name === service.ref.name &&
            t.servicePort === service.port,
        )) ?? primary;
  const base = {
    port: port.port,
    name: port.name,
    protocol: port.protocol,
    chain: port.chain,
    choice,
    transport,
    otherPaths: paths.filter((t) => t !== transport && t.transport !== transport.transport),
  };
  if (transport.transport === 'broken') {
    const identity = policyPeer(side.mesh.settings, caller, side.mtls.identity(caller));
    return {
      ...base,
      access: 'deny',
      authorization: null,
      // Without a sidecar the caller has no identity to present: fixing the transport means
      // giving it one first, so there is no "if connected" answer to give.
      ifConnected:
        identity === null
          ? null
          : explainAccess(side.authz, workload, port.port, identity, request),
      exact: transport.exact,
      summary: 'denied: the connection fails before authorization is evaluated',
    };
  }
  const peer = policyPeer(side.mesh.settings, caller, transport.peer);
  const authorization = explainAccess(side.authz, workload, port.port, peer, request);
  return {
    ...base,
    access: authorization.access,
    authorization,
    ifConnected: null,
    exact: transport.exact && authorization.exact,
    summary: authorization.summary,
  };
}
