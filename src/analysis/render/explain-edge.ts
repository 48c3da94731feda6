import type {
  ChangeExplanation,
  EdgeExplanation,
  EdgeResult,
  PolicyChange,
  PortAnswer,
} from '../explain/index.js';
import { problemMessage } from '../explain/index.js';
import { formatRef, formatSource } from '../model/source.js';
import type { EdgeTransport } from '../mtls/index.js';
import { terminalText } from './escape.js';
import { EXPLAIN_SCHEMA_VERSION, explanationJson, renderExplainText } from './explain.js';
import {
  accessWords,
  CHANGE_WORDS,
  choiceWords,
  decisionWords,
  evidenceWords,
  transportWords,
} from './explain-words.js';

/**
 * `meshguard explain` across both engines, as terminal text and as JSON: per port the decision,
 * the transport with the objects that decided it, then the authorization explanation. A change
 * (`--base`/`--head`) shows what changed first, then each side in full.
 */

export function renderEdgeText(explanation: EdgeExplanation): string {
  return printable(edgeLines(explanation));
}

function edgeLines(e: EdgeExplanation): string[] {
  const lines: string[] = [];
  const identity = e.caller.identity === null ? 'no mesh identity' : e.caller.identity.principal;
  lines.push(
    `${e.caller.id} -> ${e.workload} (identity it presents where the hop is mTLS: ${identity})`,
  );
  if (e.partialInput) lines.push('  note: some input could not be read; the answer may be partial');
  for (const answer of e.ports) lines.push('', ...portLines(answer));
  if (e.selectorMisses.length > 0) {
    lines.push(
      '',
      'Policies that select no workload, and differ from this one only in label values:',
    );
    for (const miss of e.selectorMisses)
      lines.push(
        `  ${formatRef(miss.policy)} (${miss.action}) wants ${miss.wants.join(', ')}; the workload has ${miss.has.join(', ')}  ${formatSource(miss.at)}`,
      );
  }
  return lines;
}

function portLines(answer: PortAnswer): string[] {
  const via = choiceWords(answer.choice);
  const lines = [
    `port ${answer.port} (${answer.name === null ? '' : `name ${answer.name}, `}${answer.chain} chain${via === '' ? '' : `; asked as ${via}`}): ${decisionWords(answer)}${answer.exact ? '' : ' (approximate)'}`,
    ...transportLines(answer.transport, '  '),
  ];
  for (const other of answer.otherPaths)
    lines.push(
      `  through ${other.via === null ? 'the pod IP' : formatRef(other.via)} instead:`,
      ...transportLines(other, '    '),
    );
  if (answer.authorization !== null) {
    lines.push('  authorization:', ...indent(renderExplainText(answer.authorization), '    '));
  } else if (answer.ifConnected !== null) {
    lines.push(
      '  authorization if the caller reached the port over mTLS:',
      ...indent(renderExplainText(answer.ifConnected), '    '),
    );
  }
  return lines;
}

function transportLines(t: EdgeTransport, pad: string): string[] {
  const peer = t.peer === null ? 'no peer identity' : `peer ${t.peer.principal}`;
  const via =
    t.via === null ? 'direct to the pod' : `via ${formatRef(t.via)} port ${t.servicePort ?? '?'}`;
  const lines = [
    `${pad}transport: ${transportWords(t.transport)}, ${peer}, ${via}${t.exact ? '' : ' (approximate)'}`,
    `${pad}  ${t.reason}`,
  ];
  for (const [side, evidence] of [
    ['client', t.client.evidence],
    ['server', t.server.evidence],
  ] as const)
    for (const e of evidence)
      lines.push(
        `${pad}  ${side}: ${evidenceWords(e)}${e.at === null ? '' : `  ${formatSource(e.at)}`}`,
      );
  return lines;
}

/** Terminal-safe line by line: user values may hold escape sequences, never our line breaks. */
function printable(lines: readonly string[]): string {
  return `${lines.map(terminalText).join('\n')}\n`;
}

function indent(text: string, pad: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : `${pad}${line}`));
}

export function renderChangeText(c: ChangeExplanation): string {
  const lines = [`${c.query.from} -> ${c.query.to}: base and head`];
  for (const port of c.ports) {
    const side = (answer: PortAnswer | null) =>
      answer === null
        ? 'no such port'
        : answer.transport.transport === 'broken'
          ? `${decisionWords(answer)} (broken transport)`
          : `${decisionWords(answer)}; ${transportWords(answer.transport.transport)}`;
    const changed = [
      port.accessChanged ? 'access' : '',
      port.transportChanged ? 'transport' : '',
      port.reasonsChanged && !port.accessChanged ? 'deciding rules' : '',
    ].filter((w) => w !== '');
    lines.push(
      `  port ${port.port}: ${changed.length === 0 ? 'unchanged' : `${changed.join(', ')} changed`}`,
      `    base: ${side(port.base)}`,
      `    head: ${side(port.head)}`,
    );
  }
  if (c.policies.length > 0) {
    lines.push('', 'AuthorizationPolicies of the destination that changed:');
    for (const p of c.policies) lines.push(`  ${policyChangeText(p)}`);
  }
  for (const [name, result] of [
    ['base', c.base],
    ['head', c.head],
  ] as const)
    lines.push('', `== ${name} ==`, ...sideLines(result));
  return printable(lines);
}

function sideLines(result: EdgeResult): string[] {
  return result.kind === 'problem'
    ? [problemMessage(result.problem)]
    : edgeLines(result.explanation);
}

function policyChangeText(p: PolicyChange): string {
  return `${CHANGE_WORDS[p.change]}: ${formatRef(p.policy)}: ${p.note}  ${formatSource(p.at)} (${p.side})`;
}

// ---- JSON ---------------------------------------------------------------------------------------

export function renderEdgeJson(e: EdgeExplanation): string {
  return `${JSON.stringify({ schemaVersion: EXPLAIN_SCHEMA_VERSION, ...edgeJson(e) }, null, 2)}\n`;
}

export function renderChangeJson(c: ChangeExplanation): string {
  const side = (result: EdgeResult) =>
    result.kind === 'problem'
      ? { problem: { ...result.problem, message: problemMessage(result.problem) } }
      : edgeJson(result.explanation);
  return `${JSON.stringify(
    {
      schemaVersion: EXPLAIN_SCHEMA_VERSION,
      query: c.query,
      changes: c.ports.map((p) => ({
        port: p.port,
        base:
          p.base === null ? null : { access: p.base.access, transport: p.base.transport.transport },
        head:
          p.head === null ? null : { access: p.head.access, transport: p.head.transport.transport },
        accessChanged: p.accessChanged,
        transportChanged: p.transportChanged,
        reasonsChanged: p.reasonsChanged,
      })),
      policies: c.policies.map((p) => ({
        policy: formatRef(p.policy),
        change: p.change,
        note: p.note,
        side: p.side,
        ...position(p.at),
      })),
      base: side(c.base),
      head: side(c.head),
    },
    null,
    2,
  )}\n`;
}

function edgeJson(e: EdgeExplanation) {
  return {
    query: e.query,
    caller: {
      id: e.caller.id,
      kind: e.caller.kind,
      identity: e.caller.identity?.principal ?? null,
    },
    workload: e.workload,
    partialInput: e.partialInput,
    ports: e.ports.map((p) => ({
      port: p.port,
      name: p.name,
      protocol: p.protocol,
      chain: p.chain,
      askedAs: p.choice.as,
      service:
        p.choice.service === null
          ? null
          : { service: formatRef(p.choice.service.ref), port: p.choice.service.port },
      access: p.access,
      decision: accessWords(p.access),
      exact: p.exact,
      summary: p.summary,
      transport: transportJson(p.transport),
      otherPaths: p.otherPaths.map(transportJson),
      authorization: p.authorization === null ? null : explanationJson(p.authorization),
      ifConnected: p.ifConnected === null ? null : explanationJson(p.ifConnected),
    })),
    selectorMisses: e.selectorMisses.map((m) => ({
      policy: formatRef(m.policy),
      action: m.action,
      wants: m.wants,
      has: m.has,
      ...position(m.at),
    })),
  };
}

function transportJson(t: EdgeTransport) {
  const evidence = (list: EdgeTransport['client']['evidence']) =>
    list.map((e) => ({
      object: e.ref === null ? null : formatRef(e.ref),
      note: e.note,
      ...(e.at === null ? { file: null, line: null, column: null } : position(e.at)),
    }));
  return {
    transport: t.transport,
    peer: t.peer?.principal ?? null,
    reason: t.reason,
    exact: t.exact,
    via: t.via === null ? null : formatRef(t.via),
    servicePort: t.servicePort,
    client: {
      mode: t.client.mode,
      effective: t.client.effective,
      evidence: evidence(t.client.evidence),
    },
    server: { mode: t.server.mode, level: t.server.level, evidence: evidence(t.server.evidence) },
  };
}

function position(at: { file: string; line: number; column: number }) {
  return { file: at.file, line: at.line, column: at.column };
}
