import { describe, expect, it } from 'vitest';
import { codesAt, load, yaml } from '../support/load.js';

describe('mesh-wide settings', () => {
  it("uses Istio's defaults when nothing says otherwise", () => {
    const { settings } = load('').mesh;
    expect({
      rootNamespace: settings.rootNamespace.value,
      trustDomain: settings.trustDomain.value,
      aliases: settings.trustDomainAliases.value,
      autoMtls: settings.enableAutoMtls.value,
      outbound: settings.outboundTrafficPolicy.value,
    }).toEqual({
      rootNamespace: 'istio-system',
      trustDomain: 'cluster.local',
      aliases: [],
      autoMtls: true,
      outbound: 'ALLOW_ANY',
    });
    expect(settings.rootNamespace.origin).toBe('default');
  });

  it('reads the mesh key of the istio ConfigMap, pointing into the embedded YAML', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: istio, namespace: istio-system}
      data:
        mesh: |-
          rootNamespace: istio-config
          trustDomain: corp.example
          trustDomainAliases: [old.example]
          enableAutoMtls: false
          extensionProviders:
          - name: opa
            envoyExtAuthzGrpc: {service: opa.opa.svc.cluster.local, port: 9191}
    `);
    expect(result.diagnostics).toEqual([]);
    const { settings } = result.mesh;
    expect(settings.rootNamespace).toMatchObject({
      value: 'istio-config',
      origin: 'manifest',
      at: { file: 'mesh.yaml', line: 6 },
    });
    expect(settings.trustDomain.value).toBe('corp.example');
    expect(settings.trustDomainAliases.value).toEqual(['old.example']);
    expect(settings.enableAutoMtls.value).toBe(false);
    expect(settings.extensionProviders.value).toEqual(['opa']);
  });

  it('reports an extension provider that is not a mapping at its line', () => {
    const result = load(yaml`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      spec:
        meshConfig:
          extensionProviders: [opa, {name: ext}]
    `);
    expect(result.diagnostics.map((d) => `${d.code} ${d.at.line} ${d.message}`)).toEqual([
      'MG009 5 `spec.meshConfig.extensionProviders[0]` must be a mapping, not a string',
    ]);
  });

  it('reads an IstioOperator, falling back to global.istioNamespace for the root namespace', () => {
    const result = load(yaml`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      spec:
        meshConfig: {trustDomain: td.example, outboundTrafficPolicy: {mode: REGISTRY_ONLY}}
        values: {global: {istioNamespace: istio-control}}
    `);
    expect(result.mesh.settings.trustDomain.value).toBe('td.example');
    expect(result.mesh.settings.outboundTrafficPolicy.value).toBe('REGISTRY_ONLY');
    expect(result.mesh.settings.rootNamespace.value).toBe('istio-control');
  });

  it('reads Helm values for the istiod chart', () => {
    const result = load({
      'values-istiod.yaml':
        'global:\n  istioNamespace: mesh-root\nmeshConfig:\n  enableAutoMtls: true\n  trustDomain: helm.example\n',
    });
    expect(result.mesh.settings.rootNamespace.value).toBe('mesh-root');
    expect(result.mesh.settings.trustDomain).toMatchObject({
      value: 'helm.example',
      at: { file: 'values-istiod.yaml', line: 5 },
    });
    expect(result.stats.notKubernetes).toBe(1);
  });

  it('lets options beat the manifests, and reports a second manifest that disagrees', () => {
    const configMap = (name: string, trustDomain: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: istio-system}\ndata:\n  mesh: "trustDomain: ${trustDomain}"\n`;
    const files = {
      'a.yaml': configMap('istio', 'first.example'),
      'b.yaml': configMap('istio-canary', 'second.example'),
    };
    const result = load(files);
    expect(result.mesh.settings.trustDomain.value).toBe('first.example');
    // A one-line mesh value: the setting is on the key's own line.
    expect(result.diagnostics.map((d) => [d.code, d.at.file, d.at.line])).toEqual([
      ['MG022', 'b.yaml', 5],
    ]);
    const overridden = load(files, { meshSettings: { trustDomain: 'cli.example' } });
    expect(overridden.mesh.settings.trustDomain).toEqual({
      value: 'cli.example',
      at: null,
      origin: 'option',
    });
  });

  it('reports a mesh key that is not valid YAML and keeps the defaults', () => {
    const result = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio}\ndata:\n  mesh: "rootNamespace: [broken"\n',
    );
    expect(codesAt(result)).toEqual(['MG021 mesh.yaml:5:9']);
    expect(result.mesh.settings.rootNamespace.value).toBe('istio-system');
  });

  it('ignores ConfigMaps that are not mesh configuration', () => {
    const result = load(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata:\n  mesh: "rootNamespace: nope"\n',
    );
    expect(result.mesh.settings.rootNamespace.value).toBe('istio-system');
  });
});
