import type { MeshSetting, MeshSettings } from '../../model/mesh-settings.js';
import type { Source } from '../../model/source.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { pairOf, readBoolean, readMap, readMappings, readString, readStringList } from './read.js';

/** The MeshConfig fields one source (ConfigMap, IstioOperator, Helm values) sets. */
export type MeshConfigFragment = {
  -readonly [K in keyof MeshSettings]?: MeshSetting<MeshSettings[K]['value']>;
};

const OUTBOUND = ['ALLOW_ANY', 'REGISTRY_ONLY'] as const;

function set<T>(value: T, at: Source): MeshSetting<T> {
  return { value, at, origin: 'manifest' };
}

/** Reads the MeshConfig fields the analysis uses (`istio/api:mesh/v1alpha1/config.proto`). */
export function readMeshConfig(
  ctx: NarrowContext,
  mesh: YamlMap,
  field: string,
): MeshConfigFragment {
  const fragment: MeshConfigFragment = {};
  const rootNamespace = readString(ctx, mesh, 'rootNamespace', `${field}.rootNamespace`);
  if (rootNamespace !== null && rootNamespace.value !== '')
    fragment.rootNamespace = set(rootNamespace.value, rootNamespace.at);
  const trustDomain = readString(ctx, mesh, 'trustDomain', `${field}.trustDomain`);
  if (trustDomain !== null && trustDomain.value !== '')
    fragment.trustDomain = set(trustDomain.value, trustDomain.at);
  const aliases = readStringList(ctx, mesh, 'trustDomainAliases', `${field}.trustDomainAliases`);
  if (aliases !== null) {
    fragment.trustDomainAliases = set(
      aliases.map((a) => a.value),
      ctx.at(pairOf(mesh, 'trustDomainAliases')?.keyPos ?? mesh.pos),
    );
  }
  const autoMtls = readBoolean(ctx, mesh, 'enableAutoMtls', `${field}.enableAutoMtls`);
  if (autoMtls !== null)
    fragment.enableAutoMtls = set(
      autoMtls,
      ctx.at(pairOf(mesh, 'enableAutoMtls')?.keyPos ?? mesh.pos),
    );
  const outbound = readMap(ctx, mesh, 'outboundTrafficPolicy', `${field}.outboundTrafficPolicy`);
  const mode = outbound && readString(ctx, outbound, 'mode', `${field}.outboundTrafficPolicy.mode`);
  if (mode !== null) {
    if ((OUTBOUND as readonly string[]).includes(mode.value)) {
      fragment.outboundTrafficPolicy = set(mode.value as (typeof OUTBOUND)[number], mode.at);
    } else {
      ctx.report('MG011', mode.at, {
        field: `${field}.outboundTrafficPolicy.mode`,
        value: mode.value,
        allowed: OUTBOUND.join(', '),
      });
    }
  }
  if (pairOf(mesh, 'extensionProviders') !== undefined) {
    // A provider that is not a mapping is reported: dropping it silently would make every CUSTOM
    // policy naming it look like one with a missing provider.
    const providers = readMappings(ctx, mesh, 'extensionProviders', `${field}.extensionProviders`);
    const names = providers.flatMap(({ item, path }) => {
      const name = readString(ctx, item, 'name', `${path}.name`);
      return name === null ? [] : [name.value];
    });
    fragment.extensionProviders = set(
      names,
      ctx.at(pairOf(mesh, 'extensionProviders')?.keyPos ?? mesh.pos),
    );
  }
  const exportTo = readStringList(
    ctx,
    mesh,
    'defaultDestinationRuleExportTo',
    `${field}.defaultDestinationRuleExportTo`,
  );
  if (exportTo !== null) {
    fragment.defaultDestinationRuleExportTo = set(
      exportTo.map((e) => e.value),
      ctx.at(pairOf(mesh, 'defaultDestinationRuleExportTo')?.keyPos ?? mesh.pos),
    );
  }
  return fragment;
}

/**
 * `global.istioNamespace` from Helm values: the chart uses it as the root namespace when
 * `meshConfig.rootNamespace` is not set (istio-discovery `templates/configmap.yaml`).
 */
export function readIstioNamespace(
  ctx: NarrowContext,
  values: YamlMap,
  field: string,
): MeshSetting<string> | null {
  const global = readMap(ctx, values, 'global', `${field}.global`);
  const namespace =
    global && readString(ctx, global, 'istioNamespace', `${field}.global.istioNamespace`);
  return namespace === null || namespace.value === '' ? null : set(namespace.value, namespace.at);
}
