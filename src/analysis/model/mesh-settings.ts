import type { Source } from './source.js';

/**
 * Mesh-wide settings from MeshConfig. Each value says where it came from, so `explain` can show
 * why (say) the root namespace is `istio-config`.
 */
export interface MeshSetting<T> {
  readonly value: T;
  /** `null` when the value is Istio's compiled-in default or came from an option. */
  readonly at: Source | null;
  readonly origin: 'default' | 'manifest' | 'option';
}

export interface MeshSettings {
  /** `meshConfig.rootNamespace`; default `istio-system` (`pkg/config/mesh/mesh.go`). */
  readonly rootNamespace: MeshSetting<string>;
  /** `meshConfig.trustDomain`; default `cluster.local`. */
  readonly trustDomain: MeshSetting<string>;
  readonly trustDomainAliases: MeshSetting<readonly string[]>;
  /** `meshConfig.enableAutoMtls`; default true. */
  readonly enableAutoMtls: MeshSetting<boolean>;
  /** `meshConfig.outboundTrafficPolicy.mode`; default ALLOW_ANY. */
  readonly outboundTrafficPolicy: MeshSetting<'ALLOW_ANY' | 'REGISTRY_ONLY'>;
  /** Names of `meshConfig.extensionProviders`, for CUSTOM authorization. */
  readonly extensionProviders: MeshSetting<readonly string[]>;
  /** `meshConfig.defaultDestinationRuleExportTo`; `null` means exported everywhere. */
  readonly defaultDestinationRuleExportTo: MeshSetting<readonly string[] | null>;
}

/** Values a user can set from the CLI or `.github/meshguard.yml`; they beat the manifests. */
export interface MeshSettingsOverrides {
  readonly rootNamespace?: string;
  readonly trustDomain?: string;
  readonly trustDomainAliases?: readonly string[];
  readonly enableAutoMtls?: boolean;
  readonly outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  readonly extensionProviders?: readonly string[];
}

function fallback<T>(value: T): MeshSetting<T> {
  return { value, at: null, origin: 'default' };
}

export const DEFAULT_MESH_SETTINGS: MeshSettings = {
  rootNamespace: fallback('istio-system'),
  trustDomain: fallback('cluster.local'),
  trustDomainAliases: fallback([]),
  enableAutoMtls: fallback(true),
  outboundTrafficPolicy: fallback('ALLOW_ANY'),
  extensionProviders: fallback([]),
  defaultDestinationRuleExportTo: fallback(null),
};
