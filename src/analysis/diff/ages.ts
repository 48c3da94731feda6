import { meshObjects } from '../model/mesh.js';
import type { Mesh, MeshObject } from '../model/mesh.js';
import { refKey } from '../model/source.js';
import { ADDED_BY_CHANGE } from '../model/age.js';

/** The head mesh with every object the base lacks (and that has no creation time) made newest. */
export function ageAddedObjects(base: Mesh, head: Mesh): Mesh {
  const existing = new Set<string>();
  for (const object of meshObjects(base)) existing.add(refKey(object.ref));
  const age = <T extends MeshObject>(list: readonly T[]): readonly T[] =>
    list.map((object) =>
      object.creationTimestamp === null && !existing.has(refKey(object.ref))
        ? { ...object, creationTimestamp: ADDED_BY_CHANGE }
        : object,
    );
  return {
    ...head,
    namespaces: age(head.namespaces),
    workloads: age(head.workloads),
    services: age(head.services),
    serviceAccounts: age(head.serviceAccounts),
    peerAuthentications: age(head.peerAuthentications),
    authorizationPolicies: age(head.authorizationPolicies),
    requestAuthentications: age(head.requestAuthentications),
    destinationRules: age(head.destinationRules),
    serviceEntries: age(head.serviceEntries),
    sidecars: age(head.sidecars),
  };
}
