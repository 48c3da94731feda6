// Renderer benchmark: each format against a bare JSON.stringify of the same Report, in one run.
import { renderJson } from '../src/analysis/render/json.js';
import { renderMarkdown } from '../src/analysis/render/markdown.js';
import { renderMermaid } from '../src/analysis/render/mermaid.js';
import { renderText } from '../src/analysis/render/text.js';
import { generatedReport } from '../test/render/fixtures.js';

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

for (const count of [5, 500, 5_000, 50_000]) {
  const report = generatedReport(count, 40);
  time(() => renderMarkdown(report));
  const bare = time(() => JSON.stringify(report));
  const json = time(() => renderJson(report));
  const mermaid = time(() => renderMermaid(report));
  const markdown = time(() => renderMarkdown(report));
  const text = time(() => renderText(report));
  const ratio = (ms: number) => (ms / Math.max(bare.ms, 0.01)).toFixed(1);
  console.log(`render: ${count} edge changes over 40 namespaces`);
  console.log(`  JSON.stringify(report)  ${bare.ms.toFixed(1)} ms`);
  console.log(`  renderJson              ${json.ms.toFixed(1)} ms  (x${ratio(json.ms)})`);
  console.log(
    `  renderMermaid           ${mermaid.ms.toFixed(1)} ms  (x${ratio(mermaid.ms)}, step ${mermaid.value.step})`,
  );
  console.log(
    `  renderMarkdown          ${markdown.ms.toFixed(1)} ms  (x${ratio(markdown.ms)}, ${markdown.value.length} chars)`,
  );
  console.log(`  renderText              ${text.ms.toFixed(1)} ms  (x${ratio(text.ms)})`);
}
