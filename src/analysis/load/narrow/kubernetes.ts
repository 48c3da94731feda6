import type {
  ContainerPort,
  Namespace,
  ObjectBase,
  Service,
  ServiceAccount,
  ServicePort,
  Workload,
  WorkloadKind,
} from '../../model/kubernetes.js';
import type { YamlMap, YamlNode } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import type { Metadata } from './metadata.js';
import {
  asInteger,
  pairOf,
  readBoolean,
  readInteger,
  readLabels,
  readMap,
  readMappings,
  readString,
} from './read.js';

const PROTOCOLS = new Set(['TCP', 'UDP', 'SCTP']);
const IANA_SERVICE_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

export function narrowNamespace(ctx: NarrowContext, object: YamlMap, base: ObjectBase): Namespace {
  const metadata = pairOf(object, 'metadata')?.value;
  const labels = metadata?.type === 'map' ? pairOf(metadata, 'labels')?.value : undefined;
  return {
    ...base,
    kind: 'Namespace',
    labelsAt: labels?.type === 'map' ? ctx.at(labels.pos) : base.source,
  };
}

export function narrowServiceAccount(base: ObjectBase): ServiceAccount {
  return { ...base, kind: 'ServiceAccount' };
}

/** Where each controller keeps its pod template. */
function podTemplate(ctx: NarrowContext, object: YamlMap, kind: WorkloadKind): YamlMap | null {
  if (kind === 'Pod') return object;
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec === null) return null;
  if (kind === 'CronJob') {
    const jobTemplate = readMap(ctx, spec, 'jobTemplate', 'spec.jobTemplate');
    const jobSpec = jobTemplate && readMap(ctx, jobTemplate, 'spec', 'spec.jobTemplate.spec');
    return jobSpec && readMap(ctx, jobSpec, 'template', 'spec.jobTemplate.spec.template');
  }
  return readMap(ctx, spec, 'template', 'spec.template');
}

export function narrowWorkload(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
  kind: WorkloadKind,
  meta: Metadata,
): Workload | null {
  const template = podTemplate(ctx, object, kind);
  if (template === null) {
    // A Rollout may point at a Deployment (`workloadRef`) instead of carrying a template.
    if (kind === 'Rollout') return null;
    ctx.report('MG008', base.source, {
      field: kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template',
      kind,
    });
    return null;
  }
  const prefix =
    kind === 'Pod' ? '' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.' : 'spec.template.';
  const templateMeta =
    kind === 'Pod' ? null : readMap(ctx, template, 'metadata', `${prefix}metadata`);
  const podSpec = readMap(ctx, template, 'spec', `${prefix}spec`);
  const podLabels =
    kind === 'Pod'
      ? meta.labels
      : templateMeta
        ? readLabels(ctx, templateMeta, 'labels', `${prefix}metadata.labels`)
        : {};
  const podAnnotations =
    kind === 'Pod'
      ? meta.annotations
      : templateMeta
        ? readLabels(ctx, templateMeta, 'annotations', `${prefix}metadata.annotations`)
        : {};
  const labelsNode = kind === 'Pod' ? readMap(ctx, object, 'metadata', 'metadata') : templateMeta;
  const serviceAccount =
    (podSpec &&
      (readString(ctx, podSpec, 'serviceAccountName', `${prefix}spec.serviceAccountName`) ??
        readString(ctx, podSpec, 'serviceAccount', `${prefix}spec.serviceAccount`))) ??
    null;
  return {
    ...base,
    kind,
    podLabels,
    podAnnotations,
    podLabelsAt: ctx.at((labelsNode ?? template).pos),
    serviceAccountName:
      serviceAccount && serviceAccount.value !== ''
        ? serviceAccount
        : { value: 'default', at: ctx.at((podSpec ?? template).pos) },
    containerPorts: podSpec ? readContainerPorts(ctx, podSpec, `${prefix}spec`, kind) : [],
    hostNetwork:
      (podSpec && readBoolean(ctx, podSpec, 'hostNetwork', `${prefix}spec.hostNetwork`)) ?? false,
    owner: meta.owner,
  };
}

function readContainerPorts(
  ctx: NarrowContext,
  podSpec: YamlMap,
  field: string,
  kind: WorkloadKind,
): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    for (const container of readMappings(ctx, podSpec, list, `${field}.${list}`)) {
      const items = readMappings(ctx, container.item, 'ports', `${container.path}.ports`);
      for (const { item, path } of items) {
        const number = readInteger(ctx, item, 'containerPort', `${path}.containerPort`, 1, 65535);
        if (number === null) {
          // The API server requires it; a port without it must not vanish unreported.
          if (pairOf(item, 'containerPort') === undefined)
            ctx.report('MG008', item.pos, { field: `${path}.containerPort`, kind });
          continue;
        }
        ports.push({
          name: readString(ctx, item, 'name', `${path}.name`)?.value ?? null,
          containerPort: number,
          protocol: readProtocol(ctx, item, path),
          at: ctx.at(item.pos),
        });
      }
    }
  }
  return ports;
}

function readProtocol(ctx: NarrowContext, port: YamlMap, path: string): 'TCP' | 'UDP' | 'SCTP' {
  const protocol = readString(ctx, port, 'protocol', `${path}.protocol`);
  if (protocol === null) return 'TCP';
  if (PROTOCOLS.has(protocol.value)) return protocol.value as 'TCP' | 'UDP' | 'SCTP';
  ctx.report('MG011', protocol.at, {
    field: `${path}.protocol`,
    value: protocol.value,
    allowed: 'TCP, UDP, SCTP',
  });
  return 'TCP';
}

export function narrowService(ctx: NarrowContext, object: YamlMap, base: ObjectBase): Service {
  const spec = readMap(ctx, object, 'spec', 'spec');
  const selectorPair = spec ? pairOf(spec, 'selector') : undefined;
  const hasSelector = selectorPair !== undefined && selectorPair.value !== null;
  const clusterIP = spec ? readString(ctx, spec, 'clusterIP', 'spec.clusterIP') : null;
  return {
    ...base,
    kind: 'Service',
    selector: spec && hasSelector ? readLabels(ctx, spec, 'selector', 'spec.selector') : null,
    selectorAt: hasSelector && selectorPair ? ctx.at(selectorPair.keyPos) : null,
    ports: spec ? readServicePorts(ctx, spec) : [],
    type: (spec && readString(ctx, spec, 'type', 'spec.type')?.value) ?? 'ClusterIP',
    headless: clusterIP?.value === 'None',
  };
}

function readServicePorts(ctx: NarrowContext, spec: YamlMap): ServicePort[] {
  const ports: ServicePort[] = [];
  for (const { item, path } of readMappings(ctx, spec, 'ports', 'spec.ports')) {
    const port = readInteger(ctx, item, 'port', `${path}.port`, 1, 65535);
    if (port === null) {
      if (pairOf(item, 'port') === undefined)
        ctx.report('MG008', item.pos, { field: `${path}.port`, kind: 'Service' });
      continue;
    }
    ports.push({
      name: readString(ctx, item, 'name', `${path}.name`)?.value ?? null,
      port,
      targetPort: readTargetPort(ctx, item, path) ?? port,
      protocol: readProtocol(ctx, item, path),
      appProtocol: readString(ctx, item, 'appProtocol', `${path}.appProtocol`)?.value ?? null,
      at: ctx.at(item.pos),
    });
  }
  return ports;
}

/** `targetPort` is an IntOrString: a port number or a container port name. */
function readTargetPort(ctx: NarrowContext, item: YamlMap, path: string): number | string | null {
  const pair = pairOf(item, 'targetPort');
  const node: YamlNode | null = pair?.value ?? null;
  if (pair === undefined || node === null) return null;
  if (node.type === 'scalar' && typeof node.value === 'string') {
    // A string is a container port name. The API server requires an IANA service name (at least
    // one letter), so a quoted number such as "8080" is rejected rather than read as a number.
    if (!IANA_SERVICE_NAME.test(node.value)) {
      ctx.report('MG016', node.pos, {
        field: `${path}.targetPort`,
        value: node.value,
        reason:
          'a port name needs 1-15 lowercase letters, digits or dashes, with at least one letter',
      });
      return null;
    }
    return node.value;
  }
  return asInteger(ctx, node, `${path}.targetPort`, pair.keyPos, 1, 65535);
}
