import type { Labels, ObjectBase, OwnerRef } from '../../model/kubernetes.js';
import type { Located } from '../../model/source.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { pairOf, readLabels, readMap, readMappings, readString, scalarString } from './read.js';

export interface Metadata {
  readonly name: Located<string> | null;
  readonly namespace: string | null;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly creationTimestamp: string | null;
  readonly owner: OwnerRef | null;
}

/** Reads `metadata`; a missing name is reported by the caller, which knows the kind. */
export function readMetadata(ctx: NarrowContext, object: YamlMap): Metadata {
  const meta = readMap(ctx, object, 'metadata', 'metadata');
  if (meta === null) {
    return {
      name: null,
      namespace: null,
      labels: {},
      annotations: {},
      creationTimestamp: null,
      owner: null,
    };
  }
  const name = readString(ctx, meta, 'name', 'metadata.name');
  const namespace = readString(ctx, meta, 'namespace', 'metadata.namespace');
  const created = pairOf(meta, 'creationTimestamp')?.value ?? null;
  return {
    name,
    namespace: namespace?.value || null,
    labels: readLabels(ctx, meta, 'labels', 'metadata.labels'),
    annotations: readLabels(ctx, meta, 'annotations', 'metadata.annotations'),
    creationTimestamp:
      created?.type === 'scalar' && created.value !== null ? String(created.value) : null,
    owner: readController(ctx, meta),
  };
}

/** The controlling owner (`controller: true`), else the first owner reference. */
function readController(ctx: NarrowContext, meta: YamlMap): OwnerRef | null {
  const owners = readMappings(ctx, meta, 'ownerReferences', 'metadata.ownerReferences');
  let first: OwnerRef | null = null;
  for (const { item: owner } of owners) {
    const kind = scalarString(pairOf(owner, 'kind')?.value ?? null);
    const name = scalarString(pairOf(owner, 'name')?.value ?? null);
    if (kind === null || name === null) continue;
    const ref = { kind, name };
    const controller = pairOf(owner, 'controller')?.value;
    if (controller?.type === 'scalar' && controller.value === true) return ref;
    first ??= ref;
  }
  return first;
}

/** The common fields of a model object, given its kind and resolved namespace. */
export function objectBase(
  ctx: NarrowContext,
  object: YamlMap,
  apiVersion: string,
  kind: string,
  meta: Metadata,
  namespace: string,
): ObjectBase {
  return {
    ref: { kind, namespace, name: meta.name?.value ?? '' },
    apiVersion,
    source: ctx.at(object.pos),
    labels: meta.labels,
    annotations: meta.annotations,
    creationTimestamp: meta.creationTimestamp,
  };
}
