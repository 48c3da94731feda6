import type { Diagnostic } from '../model/diagnostic.js';
import type { IstioObject } from '../model/istio.js';
import type { Namespace, Service, ServiceAccount, Workload } from '../model/kubernetes.js';
import type { YamlMap, YamlNode } from './yaml/types.js';
import { MAX_ALIAS_EXPANSION, parseYamlDocument } from './yaml/index.js';
import { classify } from './classify.js';
import { NarrowContext } from './narrow/context.js';
import { narrowAuthorizationPolicy } from './narrow/authorization-policy.js';
import { narrowDestinationRule } from './narrow/destination-rule.js';
import {
  narrowNamespace,
  narrowService,
  narrowServiceAccount,
  narrowWorkload,
} from './narrow/kubernetes.js';
import { readIstioNamespace, readMeshConfig } from './narrow/mesh-config.js';
import type { MeshConfigFragment } from './narrow/mesh-config.js';
import { objectBase, readMetadata } from './narrow/metadata.js';
import { narrowPeerAuthentication } from './narrow/peer-authentication.js';
import { pairOf, readMap, readMappings, scalarString } from './narrow/read.js';
import { narrowRequestAuthentication } from './narrow/request-authentication.js';
import { narrowServiceEntry } from './narrow/service-entry.js';
import { narrowSidecar } from './narrow/sidecar.js';

export type LoadedObject = Namespace | Workload | Service | ServiceAccount | IstioObject;

export interface DocumentCounts {
  /** Documents without apiVersion/kind: CI workflows, Helm values, arbitrary config. */
  notKubernetes: number;
  /** Kubernetes objects of kinds the analysis does not read (VirtualService, Secret...). */
  notModelled: number;
  /** Objects Istio or the API server would reject; reported and left out. */
  rejected: number;
}

export interface DocumentResult {
  readonly objects: LoadedObject[];
  readonly meshConfig: MeshConfigFragment[];
  readonly diagnostics: Diagnostic[];
  readonly counts: DocumentCounts;
}

/** Turns one parsed document into model objects. Never throws on bad input. */
export function narrowDocument(
  root: YamlNode | null,
  ctx: NarrowContext,
  defaultNamespace: string,
  diagnostics: Diagnostic[],
): DocumentResult {
  const result: DocumentResult = {
    objects: [],
    meshConfig: [],
    diagnostics,
    counts: { notKubernetes: 0, notModelled: 0, rejected: 0 },
  };
  if (root === null) return result;
  if (root.type !== 'map') {
    result.counts.notKubernetes++;
    return result;
  }
  narrowObject(root, ctx, defaultNamespace, result, 0);
  return result;
}

function narrowObject(
  object: YamlMap,
  ctx: NarrowContext,
  defaultNamespace: string,
  result: DocumentResult,
  depth: number,
): void {
  const apiVersion = scalarString(pairOf(object, 'apiVersion')?.value ?? null);
  const kind = scalarString(pairOf(object, 'kind')?.value ?? null);
  if (apiVersion === null || kind === null) {
    // Neither a kind nor metadata: not an attempt at a Kubernetes object (Helm's Chart.yaml has
    // `apiVersion: v2` and nothing else of one).
    const notAnObject = kind === null && pairOf(object, 'metadata') === undefined;
    if (apiVersion === null && kind === null) {
      readHelmValues(object, ctx, result);
      result.counts.notKubernetes++;
    } else if (notAnObject) {
      result.counts.notKubernetes++;
    } else {
      ctx.beginObject(undefined);
      ctx.report('MG008', object.pos, {
        field: apiVersion === null ? 'apiVersion' : 'kind',
        kind: kind ?? 'object',
      });
      result.counts.rejected++;
    }
    return;
  }
  const classification = classify(apiVersion, kind);
  if (classification.type === 'list') {
    narrowListItems(object, ctx, defaultNamespace, result, depth);
    return;
  }
  if (classification.type === 'not-modelled') {
    result.counts.notModelled++;
    return;
  }
  ctx.beginObject(undefined);
  const meta = readMetadata(ctx, object);
  const clusterScoped = classification.type === 'namespace';
  const namespace = clusterScoped ? '' : (meta.namespace ?? defaultNamespace);
  const base = objectBase(ctx, object, apiVersion, kind, meta, namespace);
  ctx.beginObject(base.ref);
  if (classification.type === 'obsolete') {
    ctx.report('MG006', base.source, { apiVersion, kind, replacement: classification.replacement });
    result.counts.notModelled++;
    return;
  }
  if (classification.type === 'unknown-version') {
    ctx.report('MG007', base.source, { apiVersion, kind, known: classification.known });
    result.counts.rejected++;
    return;
  }
  if ((meta.name === null || meta.name.value === '') && classification.type !== 'istio-operator') {
    ctx.report('MG008', base.source, { field: 'metadata.name', kind });
    result.counts.rejected++;
    return;
  }
  const narrowed = narrowByClass(classification, object, ctx, base, meta, result);
  if (narrowed === null) return;
  if (ctx.rejected) {
    result.counts.rejected++;
    return;
  }
  result.objects.push(narrowed);
}

/** Lists nest at most a level or two in practice; the bound guards against pathological input. */
const MAX_LIST_DEPTH = 8;

/** The items of a `kind: List` (or `PodList`...): each one an object, as kubectl reads them. */
function narrowListItems(
  list: YamlMap,
  ctx: NarrowContext,
  defaultNamespace: string,
  result: DocumentResult,
  depth: number,
): void {
  // Problems with the list itself belong to no object, not to the last item narrowed.
  ctx.beginObject(undefined);
  if (depth > MAX_LIST_DEPTH) {
    ctx.report('MG901', list.pos, {
      detail: `a \`List\` inside more than ${MAX_LIST_DEPTH} other Lists; its items were not read`,
    });
    return;
  }
  for (const { item } of readMappings(ctx, list, 'items', 'items'))
    narrowObject(item, ctx, defaultNamespace, result, depth + 1);
}

function narrowByClass(
  classification: ReturnType<typeof classify>,
  object: YamlMap,
  ctx: NarrowContext,
  base: ReturnType<typeof objectBase>,
  meta: ReturnType<typeof readMetadata>,
  result: DocumentResult,
): LoadedObject | null {
  switch (classification.type) {
    case 'namespace':
      return narrowNamespace(ctx, object, base);
    case 'service':
      return narrowService(ctx, object, base);
    case 'service-account':
      return narrowServiceAccount(base);
    case 'workload':
      return narrowWorkload(ctx, object, base, classification.kind, meta);
    case 'config-map':
      readIstioConfigMap(object, ctx, base.ref.name, result);
      return null;
    case 'istio-operator':
      readIstioOperator(object, ctx, result);
      return null;
    case 'istio':
      return narrowIstio(classification.kind, ctx, object, base);
    default:
      return null;
  }
}

function narrowIstio(
  kind: Extract<ReturnType<typeof classify>, { type: 'istio' }>['kind'],
  ctx: NarrowContext,
  object: YamlMap,
  base: ReturnType<typeof objectBase>,
): IstioObject {
  switch (kind) {
    case 'PeerAuthentication':
      return narrowPeerAuthentication(ctx, object, base);
    case 'AuthorizationPolicy':
      return narrowAuthorizationPolicy(ctx, object, base);
    case 'RequestAuthentication':
      return narrowRequestAuthentication(ctx, object, base);
    case 'DestinationRule':
      return narrowDestinationRule(ctx, object, base);
    case 'ServiceEntry':
      return narrowServiceEntry(ctx, object, base);
    case 'Sidecar':
      return narrowSidecar(ctx, object, base);
  }
}

/** The `istio` (or `istio-<revision>`) ConfigMap keeps MeshConfig as YAML text under `mesh`. */
function readIstioConfigMap(
  object: YamlMap,
  ctx: NarrowContext,
  name: string,
  result: DocumentResult,
): void {
  if (name !== 'istio' && !name.startsWith('istio-')) return;
  const data = readMap(ctx, object, 'data', 'data');
  const meshPair = data ? pairOf(data, 'mesh') : undefined;
  if (meshPair?.value?.type !== 'scalar' || typeof meshPair.value.value !== 'string') return;
  const inner = parseYamlDocument(meshPair.value.value);
  // Multi-line text is a block scalar whose content starts on the line after `mesh: |`; a
  // one-line value sits on the key's own line.
  const valueLine = ctx.at(meshPair.value.pos).line;
  const lineOffset = meshPair.value.value.trimEnd().includes('\n') ? valueLine : valueLine - 1;
  const innerCtx = new NarrowContext(ctx.file, ctx.documentIndex, lineOffset, result.diagnostics);
  innerCtx.beginObject(ctx.ref);
  const firstError = inner.problems.find((p) => p.severity === 'error');
  if (firstError !== undefined || (inner.root !== null && inner.root.type !== 'map')) {
    ctx.report('MG021', meshPair.value.pos, {
      detail: firstError?.message ?? 'the `mesh` value is not a mapping',
    });
    return;
  }
  if (inner.root !== null)
    result.meshConfig.push(readMeshConfig(innerCtx, inner.root, 'data.mesh'));
}

function readIstioOperator(object: YamlMap, ctx: NarrowContext, result: DocumentResult): void {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec === null) return;
  const meshConfig = readMap(ctx, spec, 'meshConfig', 'spec.meshConfig');
  const fragment = meshConfig ? readMeshConfig(ctx, meshConfig, 'spec.meshConfig') : {};
  const values = readMap(ctx, spec, 'values', 'spec.values');
  if (fragment.rootNamespace === undefined && values !== null) {
    const istioNamespace = readIstioNamespace(ctx, values, 'spec.values');
    if (istioNamespace !== null) fragment.rootNamespace = istioNamespace;
  }
  if (Object.keys(fragment).length > 0) result.meshConfig.push(fragment);
}

/** Helm values for the istiod chart: a plain document with a top-level `meshConfig`. */
function readHelmValues(object: YamlMap, ctx: NarrowContext, result: DocumentResult): void {
  const meshConfig = pairOf(object, 'meshConfig')?.value;
  if (meshConfig?.type !== 'map') return;
  ctx.beginObject(undefined);
  const fragment = readMeshConfig(ctx, meshConfig, 'meshConfig');
  if (fragment.rootNamespace === undefined) {
    const istioNamespace = readIstioNamespace(ctx, object, 'values');
    if (istioNamespace !== null) fragment.rootNamespace = istioNamespace;
  }
  result.meshConfig.push(fragment);
}

/** Parses and narrows one document's text. */
export function loadDocumentText(
  text: string,
  ctx: NarrowContext,
  defaultNamespace: string,
  diagnostics: Diagnostic[],
): DocumentResult {
  const parsed = parseYamlDocument(text);
  // After the first syntax error the parser's further errors are mostly its consequences: one
  // broken document gets one MG001, at the line where reading it went wrong.
  let syntaxReported = false;
  for (const problem of parsed.problems) {
    ctx.beginObject(undefined);
    if (problem.kind === 'duplicate-key')
      ctx.report('MG002', problem.pos, { key: problem.message });
    else if (problem.kind === 'alias-limit')
      ctx.report('MG003', problem.pos, { limit: MAX_ALIAS_EXPANSION });
    else if (problem.severity === 'error' && !syntaxReported) {
      ctx.report('MG001', problem.pos, { detail: problem.message });
      syntaxReported = true;
    }
  }
  if (
    parsed.root === null &&
    parsed.problems.some((p) => p.severity === 'error' && p.kind !== 'duplicate-key')
  ) {
    return {
      objects: [],
      meshConfig: [],
      diagnostics,
      counts: { notKubernetes: 0, notModelled: 0, rejected: 1 },
    };
  }
  return narrowDocument(parsed.root, ctx, defaultNamespace, diagnostics);
}
