import type { ServiceEntry, ServiceEntryEndpoint, ServiceEntryPort } from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import {
  checkFields,
  readInteger,
  readLabels,
  readMapItems,
  readMap,
  readString,
  readStringList,
} from './read.js';
import { readLabelsSelector } from './selectors.js';

const KIND = 'ServiceEntry';
const SPEC_FIELDS = new Set([
  'hosts',
  'addresses',
  'ports',
  'location',
  'resolution',
  'endpoints',
  'workloadSelector',
  'exportTo',
  'subjectAltNames',
]);
const PORT_FIELDS = new Set(['number', 'protocol', 'name', 'targetPort']);
const ENDPOINT_FIELDS = new Set([
  'address',
  'ports',
  'labels',
  'network',
  'locality',
  'weight',
  'serviceAccount',
]);
const LOCATIONS = ['MESH_EXTERNAL', 'MESH_INTERNAL'] as const;
const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN'] as const;

/** `istio/api:networking/v1alpha3/service_entry.proto`. */
export function narrowServiceEntry(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
): ServiceEntry {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  const hosts = (spec && readStringList(ctx, spec, 'hosts', 'spec.hosts')) ?? [];
  if (hosts.length === 0) ctx.report('MG008', base.source, { field: 'spec.hosts', kind: KIND });
  const exportTo = spec && readStringList(ctx, spec, 'exportTo', 'spec.exportTo');
  return {
    ...base,
    kind: KIND,
    hosts,
    addresses: ((spec && readStringList(ctx, spec, 'addresses', 'spec.addresses')) ?? []).map(
      (a) => a.value,
    ),
    ports: spec ? readPorts(ctx, spec) : [],
    location: (spec && readEnum(ctx, spec, 'location', LOCATIONS)) ?? 'MESH_EXTERNAL',
    resolution: (spec && readEnum(ctx, spec, 'resolution', RESOLUTIONS)) ?? 'NONE',
    workloadSelector:
      spec && readLabelsSelector(ctx, spec, 'workloadSelector', 'spec.workloadSelector', KIND),
    endpoints: spec ? readEndpoints(ctx, spec) : [],
    exportTo: exportTo === null ? null : exportTo.map((e) => e.value),
  };
}

function readEnum<T extends string>(
  ctx: NarrowContext,
  spec: YamlMap,
  key: string,
  allowed: readonly T[],
): T | null {
  const value = readString(ctx, spec, key, `spec.${key}`);
  if (value === null) return null;
  if ((allowed as readonly string[]).includes(value.value)) return value.value as T;
  ctx.report('MG011', value.at, {
    field: `spec.${key}`,
    value: value.value,
    allowed: allowed.join(', '),
  });
  return null;
}

function readPorts(ctx: NarrowContext, spec: YamlMap): ServiceEntryPort[] {
  const ports: ServiceEntryPort[] = [];
  readMapItems(ctx, spec, 'ports', 'spec.ports', PORT_FIELDS, KIND).forEach(({ item, path }) => {
    const number = readInteger(ctx, item, 'number', `${path}.number`, 1, 65535);
    if (number === null) {
      ctx.report('MG008', item.pos, { field: `${path}.number`, kind: KIND });
      return;
    }
    ports.push({
      number,
      name: readString(ctx, item, 'name', `${path}.name`)?.value ?? null,
      protocol: readString(ctx, item, 'protocol', `${path}.protocol`)?.value ?? null,
      targetPort: readInteger(ctx, item, 'targetPort', `${path}.targetPort`, 1, 65535),
      at: ctx.at(item.pos),
    });
  });
  return ports;
}

function readEndpoints(ctx: NarrowContext, spec: YamlMap): ServiceEntryEndpoint[] {
  const endpoints: ServiceEntryEndpoint[] = [];
  readMapItems(ctx, spec, 'endpoints', 'spec.endpoints', ENDPOINT_FIELDS, KIND).forEach(
    ({ item, path }) => {
      const portsMap = readMap(ctx, item, 'ports', `${path}.ports`);
      const ports: Record<string, number> = {};
      for (const pair of portsMap?.pairs ?? []) {
        const value =
          portsMap && readInteger(ctx, portsMap, pair.key, `${path}.ports.${pair.key}`, 1, 65535);
        if (value !== null && value !== undefined) ports[pair.key] = value;
      }
      endpoints.push({
        address: readString(ctx, item, 'address', `${path}.address`)?.value ?? null,
        labels: readLabels(ctx, item, 'labels', `${path}.labels`),
        serviceAccount:
          readString(ctx, item, 'serviceAccount', `${path}.serviceAccount`)?.value ?? null,
        ports,
        at: ctx.at(item.pos),
      });
    },
  );
  return endpoints;
}
