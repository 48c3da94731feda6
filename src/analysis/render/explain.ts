import type { Explanation, Missing, PolicyEvidence, RuleEvidence } from '../authz/explain.js';
import type { RuleRef } from '../authz/types.js';
import { formatRef, formatSource } from '../model/source.js';
import type { Source } from '../model/source.js';

/**
 * `meshguard explain` output: the decision first, then the rules that made it with their lines,
 * then what applies without deciding, then (for a denial) the closest ALLOW rule and what it
 * still requires. Deterministic: no timestamps, evidence in policy order.
 */

export const EXPLAIN_SCHEMA_VERSION = 1;

export function renderExplainText(e: Explanation): string {
  const lines: string[] = [];
  const caller = e.peer === null ? 'plaintext caller (no identity)' : e.peer.principal;
  const query = [e.query.method, e.query.path].filter((q) => q !== undefined).join(' ');
  lines.push(
    `${e.workload} port ${e.port} (${e.chain})${query === '' ? '' : ` ${query}`} from ${caller}: ${e.access}${e.exact ? '' : ' (approximate)'}`,
  );
  lines.push(`  ${e.summary}`);
  if (e.access === 'partial' && e.requests.length > 0) {
    lines.push('', 'Allowed requests:');
    for (const r of e.requests) lines.push(`  ${r}`);
  }
  const decided = [...e.custom, ...e.deny, ...e.allow];
  if (decided.length > 0) {
    lines.push('', 'Decided by:');
    for (const r of decided) lines.push(...ruleLines(r));
  }
  if (e.access === 'deny' && e.allow.length === 0 && e.allowPolicies.length > 0) {
    lines.push('', 'ALLOW policies that matched nothing:');
    for (const p of e.allowPolicies) lines.push(`  ${formatRef(p.policy)}  ${formatSource(p.at)}`);
  }
  if (e.audit.length > 0) {
    lines.push('', 'Audited (no effect on access):');
    for (const r of e.audit) lines.push(...ruleLines(r));
  }
  if (e.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of e.notes)
      lines.push(`  ${formatRef(n.policy)}: ${n.note}  ${formatSource(n.at)}`);
  }
  if (e.nearest !== null) {
    lines.push(
      '',
      `Nearest ALLOW rule: ${refText(e.nearest.ref)}  ${formatSource(e.nearest.ref.at)}`,
      '  it still requires:',
    );
    for (const m of e.nearest.missing)
      lines.push(`    ${m.part}: ${m.requires}  ${formatSource(m.at)}`);
  }
  return `${lines.join('\n')}\n`;
}

function ruleLines(r: RuleEvidence): string[] {
  const head = `  ${r.ref.action.padEnd(6)} ${refText(r.ref)}${r.chain === 'tcp' ? ' (TCP chain)' : ''}  ${formatSource(r.ref.at)}`;
  return [head, ...r.requests.map((q) => `         matches: ${q}`)];
}

function refText(ref: RuleRef): string {
  return `${formatRef(ref.policy)}${ref.rule === null ? '' : ` rule ${ref.rule}`}`;
}

export function renderExplainJson(e: Explanation): string {
  return `${JSON.stringify({ schemaVersion: EXPLAIN_SCHEMA_VERSION, ...explanationJson(e) }, null, 2)}\n`;
}

/** The authorization explanation as plain JSON data (`meshguard explain --format json` embeds it). */
export function explanationJson(e: Explanation) {
  return {
    workload: e.workload,
    port: e.port,
    chain: e.chain,
    caller: e.peer === null ? null : e.peer.principal,
    query: { method: e.query.method ?? null, path: e.query.path ?? null },
    access: e.access,
    exact: e.exact,
    notEvaluated: e.notEvaluated,
    summary: e.summary,
    requests: e.requests,
    custom: e.custom.map(ruleJson),
    deny: e.deny.map(ruleJson),
    allow: e.allow.map(ruleJson),
    audit: e.audit.map(ruleJson),
    allowPolicies: e.allowPolicies.map(policyJson),
    notes: e.notes.map(policyJson),
    nearest:
      e.nearest === null
        ? null
        : { ...refJson(e.nearest.ref), missing: e.nearest.missing.map(missingJson) },
  };
}

function position(at: Source) {
  return { file: at.file, line: at.line, column: at.column };
}

function refJson(ref: RuleRef) {
  return { policy: formatRef(ref.policy), action: ref.action, rule: ref.rule, ...position(ref.at) };
}

function ruleJson(r: RuleEvidence) {
  return { ...refJson(r.ref), chain: r.chain, matches: r.requests };
}

function policyJson(p: PolicyEvidence) {
  return { policy: formatRef(p.policy), note: p.note, ...position(p.at) };
}

function missingJson(m: Missing) {
  return { part: m.part, requires: m.requires, ...position(m.at) };
}
