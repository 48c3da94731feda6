import { readScheme, fingerprint, differences } from './test/authz/corpus/nca.js';
const schemes: [string, string[]][] = [
  ['istio_testcases/example_policies/bookinfo-demo/bookinfo-test-equiv-scheme.yaml', ['../../example_podlist/bookinfo_services.yaml']],
  ['istio_testcases/example_policies/bookinfo-demo/bookinfo-test-principals-scheme.yaml', ['../../example_podlist/bookinfo_services.yaml']],
  ['istio_testcases/example_policies/testcase1/testcase1-istio-scheme.yaml', []],
  ['istio_testcases/example_policies/testcase2/testcase2-istio-scheme.yaml', []],
];
for (const [path, extra] of schemes) {
  const t0 = performance.now();
  const scheme = readScheme(path, extra);
  for (const q of scheme.queries) {
    if (!q.equivalence) continue;
    try {
      const prints = q.equivalence.map((e) => fingerprint(scheme, e));
      const diffs = prints.slice(1).map((p) => differences(prints[0]!, p));
      const ours = diffs.filter((d) => d.length > 0).length;
      console.log(path.split('/').pop(), q.name, 'expected', q.expected, 'ours', ours, ours === 0 === (q.expected === 0) ? 'OK' : 'DIFF ' + diffs.map(d => d.slice(0,3).join(' | ')).join(' || '));
    } catch (e) { console.log(q.name, 'ERR', (e as Error).message.slice(0, 300)); }
  }
  console.log('time', performance.now() - t0);
}
