// `npm run bench`: runs every benchmark in bench/ in one process and prints their tables.
// Benchmarks report; they assert nothing. Timings belong here, never in tests.
// Pass file names to run some: `npm run bench -- ./diff.ts`.
const all = [
  './load.ts',
  './parse.ts',
  './mtls.ts',
  './authz.ts',
  './diff.ts',
  './render.ts',
  './action-startup.ts',
];
const chosen = process.argv.slice(2);
for (const bench of chosen.length > 0 ? chosen : all) {
  console.log(`\n=== ${bench}`);
  await import(bench);
}
