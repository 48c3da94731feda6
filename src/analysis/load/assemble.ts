import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { meshObjects } from '../model/mesh.js';
import type { Mesh } from '../model/mesh.js';
import { DEFAULT_MESH_SETTINGS } from '../model/mesh-settings.js';
import type { MeshSetting, MeshSettings, MeshSettingsOverrides } from '../model/mesh-settings.js';
import { WORKLOAD_KINDS } from '../model/kubernetes.js';
import type { Workload } from '../model/kubernetes.js';
import { compareText, formatRef, formatSource, refKey } from '../model/source.js';
import type { LoadedObject } from './load-document.js';
import type { MeshConfigFragment } from './narrow/mesh-config.js';

/**
 * Later definitions of the same kind/namespace/name replace earlier ones, as `kubectl apply` of
 * the files in path order would; the earlier one is reported.
 */
export function dropDuplicates(
  objects: readonly LoadedObject[],
  diagnostics: Diagnostic[],
): LoadedObject[] {
  const keys = objects.map((object) => refKey(object.ref));
  const lastIndex = new Map<string, number>();
  keys.forEach((key, index) => lastIndex.set(key, index));
  return objects.filter((object, index) => {
    const last = lastIndex.get(keys[index] ?? '') ?? index;
    if (last === index) return true;
    const other = objects[last];
    if (other !== undefined) {
      diagnostics.push(
        diagnostic(
          'MG012',
          object.source,
          { ref: formatRef(object.ref), other: formatSource(other.source) },
          object.ref,
        ),
      );
    }
    return false;
  });
}

const CONTROLLER_OF: Record<string, readonly string[]> = {
  Pod: ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'],
  ReplicaSet: ['Deployment', 'Rollout'],
  Job: ['CronJob'],
};

/**
 * Live dumps hold a Deployment, its ReplicaSets and their Pods: one workload, not three. Objects
 * whose controller is present are dropped; Pods and ReplicaSets of an absent controller are merged
 * into one workload named after it (a `pod-template-hash` suffix names the Deployment).
 */
export function collapseOwnedWorkloads(workloads: readonly Workload[]): Workload[] {
  const present = new Set(workloads.map((w) => `${w.ref.namespace}/${w.kind}/${w.ref.name}`));
  const merged = new Map<string, Workload>();
  const result: Workload[] = [];
  for (const workload of workloads) {
    const owner = workload.owner;
    if (owner === null || !(CONTROLLER_OF[workload.kind] ?? []).includes(owner.kind)) {
      result.push(workload);
      continue;
    }
    if (present.has(`${workload.ref.namespace}/${owner.kind}/${owner.name}`)) continue;
    const controller = controllerOf(workload, owner.kind, owner.name);
    const key = `${workload.ref.namespace}/${controller.kind}/${controller.name}`;
    if (present.has(key) || merged.has(key)) continue;
    const representative: Workload = {
      ...workload,
      kind: controller.kind,
      ref: { kind: controller.kind, namespace: workload.ref.namespace, name: controller.name },
      owner: null,
    };
    merged.set(key, representative);
    result.push(representative);
  }
  return result;
}

function controllerOf(
  workload: Workload,
  kind: string,
  name: string,
): { kind: Workload['kind']; name: string } {
  const hash = workload.podLabels['pod-template-hash'];
  if (kind === 'ReplicaSet' && hash !== undefined && name.endsWith(`-${hash}`)) {
    return { kind: 'Deployment', name: name.slice(0, -hash.length - 1) };
  }
  if (workload.kind === 'ReplicaSet' && (kind === 'Deployment' || kind === 'Rollout'))
    return { kind, name };
  return { kind: kind as Workload['kind'], name };
}

const WORKLOAD_KIND_SET = new Set<string>(WORKLOAD_KINDS);

/**
 * Groups objects by kind and sorts each group by namespace, name and kind, through precomputed
 * keys: comparing the objects themselves is slow across dozens of object shapes.
 */
function sortedByKind(objects: readonly LoadedObject[]): Map<string, LoadedObject[]> {
  const keyed = objects.map((o) => ({
    key: `${o.ref.namespace}\u0000${o.ref.name}\u0000${o.ref.kind}`,
    o,
  }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  const groups = new Map<string, LoadedObject[]>();
  for (const { o } of keyed) {
    const group = WORKLOAD_KIND_SET.has(o.kind) ? 'Workload' : o.kind;
    const list = groups.get(group);
    if (list) list.push(o);
    else groups.set(group, [o]);
  }
  return groups;
}

export function buildMesh(objects: readonly LoadedObject[], settings: MeshSettings): Mesh {
  const groups = sortedByKind(objects);
  const of = <K extends LoadedObject['kind']>(kind: K | 'Workload') =>
    (groups.get(kind) ?? []) as Extract<LoadedObject, { kind: K }>[];
  return {
    settings,
    namespaces: of('Namespace'),
    workloads: collapseOwnedWorkloads(of('Workload') as unknown as Workload[]),
    services: of('Service'),
    serviceAccounts: of('ServiceAccount'),
    peerAuthentications: of('PeerAuthentication'),
    authorizationPolicies: of('AuthorizationPolicy'),
    requestAuthentications: of('RequestAuthentication'),
    destinationRules: of('DestinationRule'),
    serviceEntries: of('ServiceEntry'),
    sidecars: of('Sidecar'),
  };
}

/** A mesh with more objects, sorted and grouped as `buildMesh` does. */
export function withObjects(mesh: Mesh, objects: readonly LoadedObject[]): Mesh {
  return buildMesh([...(meshObjects(mesh) as LoadedObject[]), ...objects], mesh.settings);
}

/**
 * Mesh settings: an option beats the manifests, the first manifest (in path order) beats later
 * ones, and Istio's defaults fill the rest.
 */
export function resolveMeshSettings(
  fragments: readonly MeshConfigFragment[],
  overrides: MeshSettingsOverrides,
  diagnostics: Diagnostic[],
): MeshSettings {
  const settings: Record<string, MeshSetting<unknown>> = { ...DEFAULT_MESH_SETTINGS };
  const seen = new Set<string>();
  for (const fragment of fragments) {
    for (const [key, setting] of Object.entries(fragment) as [
      keyof MeshSettings,
      MeshSetting<unknown>,
    ][]) {
      const current = settings[key];
      if (!seen.has(key)) {
        settings[key] = setting;
        seen.add(key);
      } else if (
        current &&
        JSON.stringify(current.value) !== JSON.stringify(setting.value) &&
        setting.at &&
        current.at
      ) {
        diagnostics.push(
          diagnostic('MG022', setting.at, {
            setting: key,
            value: JSON.stringify(setting.value),
            other: formatSource(current.at),
          }),
        );
      }
    }
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) settings[key] = { value, at: null, origin: 'option' };
  }
  return settings as unknown as MeshSettings;
}
