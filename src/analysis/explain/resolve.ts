import { ANY_MESH_IDENTITY, UNAUTHENTICATED } from '../topology/index.js';
import type { Caller, Topology, WorkloadNode, WorkloadPort } from '../topology/index.js';
import { suggest } from './suggest.js';
import type { ExplainProblem, PortChoice } from './types.js';
import { quote } from '../findings/quote.js';

export type Resolved<T> = { readonly value: T } | { readonly problem: ExplainProblem };

export function resolveCaller(topology: Topology, id: string): Resolved<Caller> {
  if (id === UNAUTHENTICATED) return { value: { kind: 'unauthenticated', id: UNAUTHENTICATED } };
  if (id === ANY_MESH_IDENTITY)
    return { value: { kind: 'any-mesh-identity', id: ANY_MESH_IDENTITY } };
  const workload = topology.workloadById.get(id);
  if (workload !== undefined) return { value: { kind: 'workload', id, workload } };
  return { problem: { kind: 'unknown-caller', id, suggestions: suggestIds(topology, id) } };
}

export function resolveWorkload(topology: Topology, id: string): Resolved<WorkloadNode> {
  const workload = topology.workloadById.get(id);
  if (workload !== undefined) return { value: workload };
  return { problem: { kind: 'unknown-workload', id, suggestions: suggestIds(topology, id) } };
}

function suggestIds(topology: Topology, id: string): string[] {
  return suggest(
    id,
    topology.workloads.map((w) => w.id),
  );
}

export interface ChosenPort {
  readonly port: WorkloadPort;
  readonly choice: PortChoice;
}

/**
 * The workload ports a question is about. A number is first a workload port (container or
 * Service target port); failing that, a Service port exposing the workload, which reaches its
 * target port. Without a number, every port. A port nothing declares is an error rather than a
 * guess: the answer must be about a port the manifests know.
 */
export function resolvePorts(
  workload: WorkloadNode,
  requested: number | null,
): Resolved<ChosenPort[]> {
  if (requested === null) {
    if (workload.ports.length === 0)
      return { problem: { kind: 'no-ports', workload: workload.id } };
    return {
      value: workload.ports.map((port) => ({
        port,
        choice: { requested: null, as: 'every-port', service: null },
      })),
    };
  }
  const direct = workload.ports.find((p) => p.port === requested);
  if (direct !== undefined)
    return {
      value: [{ port: direct, choice: { requested, as: 'workload-port', service: null } }],
    };
  const viaService = workload.ports.flatMap((port) =>
    port.exposedBy
      .filter((exposure) => exposure.servicePort === requested)
      .map((exposure) => ({
        port,
        choice: {
          requested,
          as: 'service-port' as const,
          service: { ref: exposure.service, port: exposure.servicePort },
        },
      })),
  );
  if (viaService.length > 0) return { value: viaService };
  return {
    problem: {
      kind: 'unknown-port',
      workload: workload.id,
      port: requested,
      ports: workload.ports.map(describePort),
    },
  };
}

/** `8080` or `8080 (Service shop/frontend port 80)`. */
function describePort(port: WorkloadPort): string {
  const services = port.exposedBy.map(
    (e) => `Service ${e.service.namespace}/${e.service.name} port ${e.servicePort}`,
  );
  return services.length === 0 ? String(port.port) : `${port.port} (${services.join(', ')})`;
}

/** One line, lowercase, user values in backticks. */
export function problemMessage(problem: ExplainProblem): string {
  switch (problem.kind) {
    case 'unknown-caller':
    case 'unknown-workload': {
      const what = problem.kind === 'unknown-caller' ? 'caller' : 'workload';
      const hint =
        problem.suggestions.length === 0
          ? ''
          : `; did you mean ${problem.suggestions.map((s) => quote(s)).join(' or ')}?`;
      return `no ${what} ${quote(problem.id)} in the manifests${hint}`;
    }
    case 'unknown-port':
      return `${quote(problem.workload)} has no port ${quote(problem.port)}; its ports: ${
        problem.ports.length === 0 ? 'none' : problem.ports.map((p) => quote(p)).join(', ')
      }`;
    case 'no-ports':
      return `${quote(problem.workload)} declares no port: no container port, and no Service selects it`;
  }
}
