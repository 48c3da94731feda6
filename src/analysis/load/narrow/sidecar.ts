import type { Sidecar, SidecarEgress, SidecarIngress } from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import {
  checkFields,
  readInteger,
  readMapItems,
  readMap,
  readString,
  readStringList,
} from './read.js';
import { readLabelsSelector } from './selectors.js';

const KIND = 'Sidecar';
const SPEC_FIELDS = new Set([
  'workloadSelector',
  'ingress',
  'egress',
  'outboundTrafficPolicy',
  'inboundConnectionPool',
]);
const EGRESS_FIELDS = new Set(['port', 'bind', 'captureMode', 'hosts']);
const INGRESS_FIELDS = new Set([
  'port',
  'bind',
  'captureMode',
  'defaultEndpoint',
  'tls',
  'connectionPool',
]);
const PORT_FIELDS = new Set(['number', 'protocol', 'name', 'targetPort']);
const OUTBOUND_MODES = ['ALLOW_ANY', 'REGISTRY_ONLY'] as const;

/** `istio/api:networking/v1alpha3/sidecar.proto`. */
export function narrowSidecar(ctx: NarrowContext, object: YamlMap, base: ObjectBase): Sidecar {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  return {
    ...base,
    kind: KIND,
    workloadSelector:
      spec && readLabelsSelector(ctx, spec, 'workloadSelector', 'spec.workloadSelector', KIND),
    egress: spec ? readEgress(ctx, spec) : [],
    ingress: spec ? readIngress(ctx, spec) : [],
    outboundTrafficPolicy: spec ? readOutboundMode(ctx, spec) : null,
  };
}

function readEgress(ctx: NarrowContext, spec: YamlMap): SidecarEgress[] {
  const egress: SidecarEgress[] = [];
  readMapItems(ctx, spec, 'egress', 'spec.egress', EGRESS_FIELDS, KIND).forEach(
    ({ item, path }) => {
      const hosts = readStringList(ctx, item, 'hosts', `${path}.hosts`) ?? [];
      if (hosts.length === 0) ctx.report('MG008', item.pos, { field: `${path}.hosts`, kind: KIND });
      const port = readMap(ctx, item, 'port', `${path}.port`);
      if (port !== null) checkFields(ctx, port, PORT_FIELDS, `${path}.port`, KIND);
      egress.push({
        at: ctx.at(item.pos),
        port: port && readInteger(ctx, port, 'number', `${path}.port.number`, 1, 65535),
        hosts,
      });
    },
  );
  return egress;
}

function readIngress(ctx: NarrowContext, spec: YamlMap): SidecarIngress[] {
  const ingress: SidecarIngress[] = [];
  readMapItems(ctx, spec, 'ingress', 'spec.ingress', INGRESS_FIELDS, KIND).forEach(
    ({ item, path }) => {
      const port = readMap(ctx, item, 'port', `${path}.port`);
      const number = port && readInteger(ctx, port, 'number', `${path}.port.number`, 1, 65535);
      if (port === null || number === null) {
        ctx.report('MG008', item.pos, { field: `${path}.port.number`, kind: KIND });
        return;
      }
      checkFields(ctx, port, PORT_FIELDS, `${path}.port`, KIND);
      ingress.push({
        at: ctx.at(item.pos),
        port: number,
        protocol: readString(ctx, port, 'protocol', `${path}.port.protocol`)?.value ?? null,
        portName: readString(ctx, port, 'name', `${path}.port.name`)?.value ?? null,
      });
    },
  );
  return ingress;
}

function readOutboundMode(ctx: NarrowContext, spec: YamlMap): 'ALLOW_ANY' | 'REGISTRY_ONLY' | null {
  const policy = readMap(ctx, spec, 'outboundTrafficPolicy', 'spec.outboundTrafficPolicy');
  const mode = policy && readString(ctx, policy, 'mode', 'spec.outboundTrafficPolicy.mode');
  if (mode === null) return null;
  if ((OUTBOUND_MODES as readonly string[]).includes(mode.value))
    return mode.value as 'ALLOW_ANY' | 'REGISTRY_ONLY';
  ctx.report('MG011', mode.at, {
    field: 'spec.outboundTrafficPolicy.mode',
    value: mode.value,
    allowed: OUTBOUND_MODES.join(', '),
  });
  return null;
}
