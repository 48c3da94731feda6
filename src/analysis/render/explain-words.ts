import type { Access } from '../authz/index.js';
import type { PolicyChange, PortAnswer, PortChoice } from '../explain/index.js';
import { formatRef } from '../model/source.js';
import type { Evidence, Transport } from '../mtls/index.js';

/** Words shared by the text, JSON and Markdown renderings of an `explain` answer. */

export function accessWords(access: Access): string {
  return access === 'allow'
    ? 'allowed'
    : access === 'partial'
      ? 'allowed for some requests'
      : 'denied';
}

export function transportWords(transport: Transport): string {
  return transport === 'mtls'
    ? 'mTLS'
    : transport === 'plaintext'
      ? 'plaintext'
      : 'broken (the connection fails)';
}

/** The decision, with the allowed requests when only some are. */
export function decisionWords(answer: PortAnswer): string {
  if (answer.transport.transport === 'broken') return 'denied: the connection fails';
  const requests = answer.authorization?.requests ?? [];
  return answer.access === 'partial' && requests.length > 0
    ? `${accessWords(answer.access)}: ${requests.join('; ')}`
    : accessWords(answer.access);
}

/** `via Service shop/frontend port 80`, `port 80 of Service shop/frontend`, or nothing. */
export function choiceWords(choice: PortChoice): string {
  if (choice.as !== 'service-port' || choice.service === null) return '';
  return `Service port ${choice.service.port} of ${formatRef(choice.service.ref)}`;
}

export function evidenceWords(evidence: Evidence): string {
  return evidence.ref === null ? evidence.note : `${formatRef(evidence.ref)}: ${evidence.note}`;
}

export const CHANGE_WORDS: Record<PolicyChange['change'], string> = {
  added: 'added',
  removed: 'removed',
  modified: 'edited',
  'now-applies': 'now applies',
  'no-longer-applies': 'no longer applies',
};
