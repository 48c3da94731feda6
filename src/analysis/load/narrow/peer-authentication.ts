import { MTLS_MODES } from '../../model/istio.js';
import type { MtlsMode, PeerAuthentication, PortLevelMtls } from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { Source } from '../../model/source.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { checkFields, pairOf, readMap, readString } from './read.js';
import { readMatchLabelsSelector } from './selectors.js';

const KIND = 'PeerAuthentication';
const SPEC_FIELDS = new Set(['selector', 'mtls', 'portLevelMtls']);
const MTLS_FIELDS = new Set(['mode']);

/** `istio/api:security/v1beta1/peer_authentication.proto`. */
export function narrowPeerAuthentication(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
): PeerAuthentication {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  const selector = spec && readMatchLabelsSelector(ctx, spec, 'selector', 'spec.selector', KIND);
  const mtls = spec && readMap(ctx, spec, 'mtls', 'spec.mtls');
  if (mtls !== null) checkFields(ctx, mtls, MTLS_FIELDS, 'spec.mtls', KIND);
  const mode = mtls ? readMode(ctx, mtls, 'spec.mtls.mode') : null;
  const portLevelMtls = spec && readPortLevelMtls(ctx, spec);
  const hasSelector = selector !== null && Object.keys(selector.matchLabels).length > 0;
  if (spec !== null && portLevelMtls !== null && !hasSelector) {
    ctx.report('MG014', pairOf(spec, 'portLevelMtls')?.keyPos ?? base.source, {});
  }
  return {
    ...base,
    kind: KIND,
    selector,
    mode: mode?.mode ?? 'UNSET',
    modeAt: mode?.at ?? (mtls ? ctx.at(mtls.pos) : base.source),
    portLevelMtls: portLevelMtls ?? [],
  };
}

function readMode(
  ctx: NarrowContext,
  parent: YamlMap,
  field: string,
): { mode: MtlsMode; at: Source } | null {
  const mode = readString(ctx, parent, 'mode', field);
  if (mode === null) return null;
  if ((MTLS_MODES as readonly string[]).includes(mode.value))
    return { mode: mode.value as MtlsMode, at: mode.at };
  ctx.report('MG011', mode.at, { field, value: mode.value, allowed: MTLS_MODES.join(', ') });
  return null;
}

/** `null` when `portLevelMtls` is absent; keys are workload (container) ports. */
function readPortLevelMtls(ctx: NarrowContext, spec: YamlMap): PortLevelMtls[] | null {
  const map = readMap(ctx, spec, 'portLevelMtls', 'spec.portLevelMtls');
  if (map === null) return null;
  if (map.pairs.length === 0) {
    ctx.report('MG019', map.pos, { field: 'spec.portLevelMtls' });
    return [];
  }
  const ports: PortLevelMtls[] = [];
  for (const pair of map.pairs) {
    const field = `spec.portLevelMtls.${pair.key}`;
    const port = Number(pair.key);
    if (!/^\d+$/.test(pair.key) || port < 1 || port > 65535) {
      ctx.report('MG016', pair.keyPos, {
        field,
        value: pair.key,
        reason: 'keys must be port numbers from 1 to 65535',
      });
      continue;
    }
    if (pair.value?.type !== 'map') {
      ctx.report('MG009', pair.value?.pos ?? pair.keyPos, {
        field,
        expected: 'a mapping with `mode`',
        actual: pair.value === null ? 'empty' : 'another value',
      });
      continue;
    }
    checkFields(ctx, pair.value, MTLS_FIELDS, field, KIND);
    const mode = readMode(ctx, pair.value, `${field}.mode`);
    const portAt = ctx.at(pair.keyPos);
    ports.push({ port, mode: mode?.mode ?? 'UNSET', at: mode?.at ?? portAt, portAt });
  }
  return ports.sort((a, b) => a.port - b.port);
}
