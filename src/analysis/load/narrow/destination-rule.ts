import { CLIENT_TLS_MODES } from '../../model/istio.js';
import type {
  ClientTlsMode,
  ClientTlsSettings,
  DestinationRule,
  DestinationSubset,
  PortTrafficPolicy,
  TrafficPolicy,
} from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import {
  checkFields,
  pairOf,
  readInteger,
  readLabels,
  readMapItems,
  readMap,
  readString,
  readStringList,
} from './read.js';
import { readMatchLabelsSelector } from './selectors.js';

const KIND = 'DestinationRule';
const SPEC_FIELDS = new Set(['host', 'trafficPolicy', 'subsets', 'exportTo', 'workloadSelector']);
const POLICY_FIELDS = new Set([
  'loadBalancer',
  'connectionPool',
  'outlierDetection',
  'tls',
  'portLevelSettings',
  'tunnel',
  'proxyProtocol',
  'retryBudget',
]);
const PORT_POLICY_FIELDS = new Set([
  'port',
  'loadBalancer',
  'connectionPool',
  'outlierDetection',
  'tls',
]);
const TLS_FIELDS = new Set([
  'mode',
  'clientCertificate',
  'privateKey',
  'caCertificates',
  'credentialName',
  'subjectAltNames',
  'sni',
  'insecureSkipVerify',
  'caCrl',
]);
const SUBSET_FIELDS = new Set(['name', 'labels', 'trafficPolicy']);

/** `istio/api:networking/v1alpha3/destination_rule.proto`. */
export function narrowDestinationRule(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
): DestinationRule {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  const host = spec && readString(ctx, spec, 'host', 'spec.host');
  if (host === null || host.value === '')
    ctx.report('MG008', base.source, { field: 'spec.host', kind: KIND });
  const exportTo = spec && readStringList(ctx, spec, 'exportTo', 'spec.exportTo');
  return {
    ...base,
    kind: KIND,
    host: host ?? { value: '', at: base.source },
    exportTo: exportTo === null ? null : exportTo.map((e) => e.value),
    workloadSelector:
      spec && readMatchLabelsSelector(ctx, spec, 'workloadSelector', 'spec.workloadSelector', KIND),
    trafficPolicy: spec && readTrafficPolicy(ctx, spec, 'spec.trafficPolicy'),
    subsets: spec ? readSubsets(ctx, spec) : [],
  };
}

function readTrafficPolicy(
  ctx: NarrowContext,
  parent: YamlMap,
  field: string,
): TrafficPolicy | null {
  const policy = readMap(ctx, parent, 'trafficPolicy', field);
  if (policy === null) return null;
  checkFields(ctx, policy, POLICY_FIELDS, field, KIND);
  const loadBalancer = readMap(ctx, policy, 'loadBalancer', `${field}.loadBalancer`);
  return {
    at: ctx.at(policy.pos),
    tls: readTls(ctx, policy, `${field}.tls`),
    portLevelSettings: readPortLevelSettings(ctx, policy, `${field}.portLevelSettings`),
    loadBalancerSimple:
      (loadBalancer &&
        readString(ctx, loadBalancer, 'simple', `${field}.loadBalancer.simple`)?.value) ??
      null,
  };
}

/**
 * Any `tls` block counts: without `mode` it is DISABLE (enum value 0), and it switches auto mTLS
 * off for the host or port (`cluster_tls.go` treats any non-nil tls as user-supplied).
 */
function readTls(ctx: NarrowContext, parent: YamlMap, field: string): ClientTlsSettings | null {
  const pair = pairOf(parent, 'tls');
  if (pair === undefined) return null;
  const tls = pair.value === null ? null : readMap(ctx, parent, 'tls', field);
  if (tls === null) {
    if (pair.value !== null) return null;
    return {
      at: ctx.at(pair.keyPos),
      mode: 'DISABLE',
      modeWritten: false,
      credentialName: null,
      hasCaCertificates: false,
    };
  }
  checkFields(ctx, tls, TLS_FIELDS, field, KIND);
  const mode = readString(ctx, tls, 'mode', `${field}.mode`);
  let value: ClientTlsMode = 'DISABLE';
  if (mode !== null) {
    if ((CLIENT_TLS_MODES as readonly string[]).includes(mode.value))
      value = mode.value as ClientTlsMode;
    else
      ctx.report('MG011', mode.at, {
        field: `${field}.mode`,
        value: mode.value,
        allowed: CLIENT_TLS_MODES.join(', '),
      });
  }
  return {
    at: mode?.at ?? ctx.at(tls.pos),
    mode: value,
    modeWritten: mode !== null,
    credentialName:
      readString(ctx, tls, 'credentialName', `${field}.credentialName`)?.value ?? null,
    hasCaCertificates: readString(ctx, tls, 'caCertificates', `${field}.caCertificates`) !== null,
  };
}

function readPortLevelSettings(
  ctx: NarrowContext,
  policy: YamlMap,
  field: string,
): PortTrafficPolicy[] {
  const settings: PortTrafficPolicy[] = [];
  readMapItems(ctx, policy, 'portLevelSettings', field, PORT_POLICY_FIELDS, KIND).forEach(
    ({ item, path }) => {
      const port = readMap(ctx, item, 'port', `${path}.port`);
      const number = port && readInteger(ctx, port, 'number', `${path}.port.number`, 1, 65535);
      if (number === null) {
        ctx.report('MG008', item.pos, { field: `${path}.port.number`, kind: KIND });
        return;
      }
      settings.push({ at: ctx.at(item.pos), port: number, tls: readTls(ctx, item, `${path}.tls`) });
    },
  );
  return settings;
}

function readSubsets(ctx: NarrowContext, spec: YamlMap): DestinationSubset[] {
  const subsets: DestinationSubset[] = [];
  readMapItems(ctx, spec, 'subsets', 'spec.subsets', SUBSET_FIELDS, KIND).forEach(
    ({ item, path }) => {
      const name = readString(ctx, item, 'name', `${path}.name`);
      if (name === null) ctx.report('MG008', item.pos, { field: `${path}.name`, kind: KIND });
      subsets.push({
        at: ctx.at(item.pos),
        name: name?.value ?? '',
        labels: readLabels(ctx, item, 'labels', `${path}.labels`),
        trafficPolicy: readTrafficPolicy(ctx, item, `${path}.trafficPolicy`),
      });
    },
  );
  return subsets;
}
