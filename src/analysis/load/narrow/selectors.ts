import type { PolicyTargetRef, WorkloadSelector } from '../../model/istio.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { checkFields, pairOf, readLabels, readMap, readMappings, readString } from './read.js';

const MATCH_LABELS_FIELDS = new Set(['matchLabels']);
const LABELS_FIELDS = new Set(['labels']);
const TARGET_REF_FIELDS = new Set(['group', 'kind', 'name', 'namespace']);

/**
 * `selector` / `workloadSelector` of the security APIs and DestinationRule:
 * `istio.type.v1beta1.WorkloadSelector`, which has only `matchLabels`. Returns `null` when the
 * selector is absent; an empty `matchLabels` is returned as is (it selects every workload, which
 * PeerAuthentication treats as "no selector").
 */
export function readMatchLabelsSelector(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
  kind: string,
): WorkloadSelector | null {
  const map = readMap(ctx, parent, key, field);
  if (map === null) return null;
  if (pairOf(map, 'matchExpressions') !== undefined) {
    // The CRD schema prunes unknown fields: Istio sees a selector without these expressions.
    ctx.report('MG013', pairOf(map, 'matchExpressions')?.keyPos ?? map.pos, {
      detail: `\`${field}.matchExpressions\` is not supported by Istio and is dropped, so the selector is wider than written`,
    });
  }
  checkFields(ctx, map, new Set([...MATCH_LABELS_FIELDS, 'matchExpressions']), field, kind);
  const matchLabels = readLabels(ctx, map, 'matchLabels', `${field}.matchLabels`);
  validateExactLabels(ctx, map, 'matchLabels', `${field}.matchLabels`, matchLabels);
  return { matchLabels, at: ctx.at(map.pos) };
}

/** `workloadSelector.labels` of Sidecar and ServiceEntry (networking WorkloadSelector). */
export function readLabelsSelector(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
  kind: string,
): WorkloadSelector | null {
  const map = readMap(ctx, parent, key, field);
  if (map === null) return null;
  checkFields(ctx, map, LABELS_FIELDS, field, kind);
  const matchLabels = readLabels(ctx, map, 'labels', `${field}.labels`);
  validateExactLabels(ctx, map, 'labels', `${field}.labels`, matchLabels);
  return { matchLabels, at: ctx.at(map.pos) };
}

/** Istio's CRD validation rejects wildcards in selector keys and values. */
function validateExactLabels(
  ctx: NarrowContext,
  map: YamlMap,
  key: string,
  field: string,
  labels: Readonly<Record<string, string>>,
): void {
  const labelsMap = readMap(ctx, map, key, field);
  for (const [label, value] of Object.entries(labels)) {
    if (!label.includes('*') && !value.includes('*') && label !== '') continue;
    const pos = labelsMap ? (pairOf(labelsMap, label)?.keyPos ?? map.pos) : map.pos;
    ctx.report('MG016', pos, {
      field: `${field}.${label}`,
      value: `${label}: ${value}`,
      reason:
        label === '' ? 'label keys cannot be empty' : 'wildcards are not allowed in selectors',
    });
  }
}

/** `targetRef` (singular, legacy) and `targetRefs`, merged as Istio's `GetTargetRefs` does. */
export function readTargetRefs(ctx: NarrowContext, spec: YamlMap, kind: string): PolicyTargetRef[] {
  const refs: PolicyTargetRef[] = [];
  const single = readMap(ctx, spec, 'targetRef', 'spec.targetRef');
  if (single !== null) refs.push(readTargetRef(ctx, single, 'spec.targetRef', kind));
  for (const { item, path } of readMappings(ctx, spec, 'targetRefs', 'spec.targetRefs'))
    refs.push(readTargetRef(ctx, item, path, kind));
  return refs;
}

function readTargetRef(
  ctx: NarrowContext,
  map: YamlMap,
  field: string,
  kind: string,
): PolicyTargetRef {
  checkFields(ctx, map, TARGET_REF_FIELDS, field, kind);
  const targetKind = readString(ctx, map, 'kind', `${field}.kind`);
  const name = readString(ctx, map, 'name', `${field}.name`);
  if (targetKind === null) ctx.report('MG008', map.pos, { field: `${field}.kind`, kind });
  if (name === null) ctx.report('MG008', map.pos, { field: `${field}.name`, kind });
  return {
    group: readString(ctx, map, 'group', `${field}.group`)?.value ?? '',
    kind: targetKind?.value ?? '',
    name: name?.value ?? '',
    at: ctx.at(map.pos),
  };
}
