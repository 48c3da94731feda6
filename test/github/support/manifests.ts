/**
 * Real manifests for the adapter tests. The simplest regression to drive the pipeline with is an
 * AuthorizationPolicy Istio would reject (`action: ALOW`, MG011, an error on the `action:` line).
 */
export function policy(name: string, action: string, namespace = 'shop'): string {
  return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  action: ${action}
  rules:
    - from:
        - source:
            principals: ["cluster.local/ns/web/sa/frontend"]
`;
}

/** `action:` is on line 7 of each document produced by `policy`. */
export const ACTION_LINE = 7;

/** `count` rejected policies in one file: `count` error findings on lines 7, 19, 31, ... */
export function rejectedPolicies(count: number): string {
  return Array.from({ length: count }, (_, i) => policy(`p${i}`, 'ALOW')).join('---\n');
}

/** A namespace labelled for injection, so the mTLS engine does not have to assume it. */
export function namespace(name = 'shop'): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {istio-injection: enabled}\n`;
}

export function deployment(name: string, namespace = 'shop'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: example/${name}
          ports: [{containerPort: 8080}]
`;
}
