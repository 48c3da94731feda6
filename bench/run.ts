// `npm run bench`: runs every benchmark in bench/ in one process and prints their tables.
// Benchmarks report; they assert nothing. Timings belong here, never in tests.
const benches = process.argv.slice(2);
const all = ['./load.ts', './render.ts'];
for (const bench of benches.length > 0 ? benches : all) {
  await import(bench);
}
