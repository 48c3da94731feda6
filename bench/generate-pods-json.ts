import { random } from './generate-mesh.js';

/**
 * A deterministic `kubectl get pods -A -o json` style dump: a `List` of pods with the fields
 * such dumps really carry (labels, annotations holding escaped JSON, owner references, an
 * injected istio-proxy container, volumes, status with conditions and container statuses).
 * About 4.3 KB per pod pretty-printed, so 1,200 pods are about 5 MB. `indent` 0 gives the
 * one-line form; kubectl itself indents by 4.
 */
export function generatePodListJson(options: {
  pods: number;
  seed?: number;
  indent?: number;
}): string {
  const rnd = random(options.seed ?? 1);
  const items = Array.from({ length: options.pods }, (_, i) => pod(i, rnd));
  const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  return JSON.stringify(list, null, options.indent ?? 4) + '\n';
}

function pod(i: number, rnd: () => number): unknown {
  const app = `svc-${i % 400}`;
  const ns = `mesh-${String(Math.floor(i / 50)).padStart(3, '0')}`;
  const name = `${app}-${Math.floor(rnd() * 1e10).toString(36)}-${Math.floor(rnd() * 1e6).toString(36)}`;
  const port = 8080 + (i % 7);
  const started = `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`;
  const lastApplied = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns },
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': lastApplied + '\n',
        'prometheus.io/path': '/stats/prometheus',
        'prometheus.io/port': '15020',
        'sidecar.istio.io/status': `{"initContainers":["istio-init"],"containers":["istio-proxy"],"revision":"default"}`,
      },
      creationTimestamp: started,
      generateName: `${app}-`,
      labels: {
        app,
        'pod-template-hash': Math.floor(rnd() * 1e9).toString(36),
        'security.istio.io/tlsMode': 'istio',
        'service.istio.io/canonical-name': app,
        version: `v${1 + (i % 3)}`,
      },
      name,
      namespace: ns,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'ReplicaSet',
          name: `${app}-${Math.floor(rnd() * 1e9).toString(36)}`,
          uid: uid(rnd),
        },
      ],
      resourceVersion: String(100000 + Math.floor(rnd() * 9e6)),
      uid: uid(rnd),
    },
    spec: {
      containers: [
        {
          env: [
            { name: 'PORT', value: String(port) },
            {
              name: 'POD_NAMESPACE',
              valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
            },
          ],
          image: `registry.example.com/${app}:1.${i % 20}.0`,
          imagePullPolicy: 'IfNotPresent',
          name: 'server',
          ports: [{ containerPort: port, name: 'http', protocol: 'TCP' }],
          resources: {
            limits: { cpu: '500m', memory: '256Mi' },
            requests: { cpu: '100m', memory: '128Mi' },
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            {
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              name: 'kube-api-access',
              readOnly: true,
            },
          ],
        },
        {
          args: [
            'proxy',
            'sidecar',
            '--domain',
            `${ns}.svc.cluster.local`,
            '--proxyLogLevel=warning',
          ],
          image: 'docker.io/istio/proxyv2:1.22.0',
          name: 'istio-proxy',
          ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
          readinessProbe: {
            failureThreshold: 30,
            httpGet: { path: '/healthz/ready', port: 15021, scheme: 'HTTP' },
            periodSeconds: 15,
            timeoutSeconds: 3,
          },
          resources: {
            limits: { cpu: '2', memory: '1Gi' },
            requests: { cpu: '10m', memory: '40Mi' },
          },
          securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 1337 },
        },
      ],
      dnsPolicy: 'ClusterFirst',
      nodeName: `node-${i % 30}`,
      restartPolicy: 'Always',
      serviceAccountName: app,
      terminationGracePeriodSeconds: 30,
      volumes: [{ emptyDir: { medium: 'Memory' }, name: 'istio-envoy' }],
    },
    status: {
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        lastProbeTime: null,
        lastTransitionTime: started,
        status: 'True',
        type,
      })),
      containerStatuses: ['server', 'istio-proxy'].map((cname) => ({
        containerID: `containerd://${Math.floor(rnd() * 1e15).toString(16)}`,
        image: cname,
        name: cname,
        ready: true,
        restartCount: i % 5 === 0 ? 1 : 0,
        started: true,
        state: { running: { startedAt: started } },
      })),
      hostIP: `10.0.${i % 250}.${(i * 7) % 250}`,
      phase: 'Running',
      podIP: `10.1.${Math.floor(i / 250) % 250}.${i % 250}`,
      qosClass: 'Burstable',
      startTime: started,
      cpuShare: 0.25 + (i % 4) / 8,
      weight: i % 3 === 0 ? 1e3 : -0,
    },
  };
}

function uid(rnd: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}
