import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/analysis/findings/catalogue.js';
import { renderFindingsDoc } from '../scripts/findings-doc.js';

describe('the finding catalogue', () => {
  it('is documented by an up-to-date docs/findings.md (run `npm run docs:gen`)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'docs', 'findings.md'), 'utf8');
    expect(committed).toBe(renderFindingsDoc());
  });

  it('has unique kebab-case names and house-style messages', () => {
    const names = Object.values(catalogue).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(code).toMatch(/^MG\d{3}$/);
      expect(entry.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.help.length, code).toBeGreaterThan(10);
      expect(entry.description.length, code).toBeGreaterThan(10);
    }
  });
});
