import { ANY_MESH_IDENTITY, UNAUTHENTICATED } from '../topology/index.js';
import { quote } from '../findings/quote.js';

/**
 * One `explain` question, as the CLI flags and the `/mesh explain` command both spell it:
 * a caller, a destination workload, an optional port (a workload port or a Service port of the
 * workload) and an optional HTTP method and path.
 */
export interface EdgeQuery {
  /** `namespace/workload` (`namespace/workload@kind` when two kinds share a name), or a pseudo-caller. */
  readonly from: string;
  readonly to: string;
  readonly port: number | null;
  readonly method: string | null;
  readonly path: string | null;
}

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** Topology ids carry the kind when two workloads of one namespace share a name. */
const KIND = /^[a-z]{1,32}$/;
const METHOD = /^[A-Z][A-Z-]{0,31}$/;
const PATH = /^\/[\x21-\x7e]{0,2047}$/;

/** Accepted spellings of the two pseudo-callers (the parenthesised one contains spaces). */
const PSEUDO_CALLERS: Readonly<Record<string, string>> = {
  [UNAUTHENTICATED]: UNAUTHENTICATED,
  unauthenticated: UNAUTHENTICATED,
  [ANY_MESH_IDENTITY]: ANY_MESH_IDENTITY,
  'any-mesh-identity': ANY_MESH_IDENTITY,
};

/** `namespace/name` or `namespace/name@kind`, as topology ids are written. */
export function isWorkloadId(text: string): boolean {
  const [path = '', kind, extraKind] = text.split('@');
  const [namespace, name, extra] = path.split('/');
  return (
    extra === undefined &&
    extraKind === undefined &&
    (kind === undefined || KIND.test(kind)) &&
    namespace !== undefined &&
    name !== undefined &&
    NAMESPACE.test(namespace) &&
    NAME.test(name)
  );
}

/** A workload id or a pseudo-caller, normalised; `null` when it is neither. */
export function parseCaller(text: string): string | null {
  const pseudo = PSEUDO_CALLERS[text.trim()];
  if (pseudo !== undefined) return pseudo;
  return isWorkloadId(text) ? text : null;
}

export type Parsed<T> = { readonly value: T } | { readonly error: string };

/** `namespace/workload[:port]`. */
export function parseDestination(text: string): Parsed<{ to: string; port: number | null }> {
  const [to = '', portText, extra] = text.split(':');
  if (!isWorkloadId(to) || extra !== undefined)
    return { error: `${quote(clip(text))} is not \`namespace/workload[:port]\`` };
  if (portText === undefined) return { value: { to, port: null } };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535))
    return { error: `${quote(clip(portText))} is not a port number (1-65535)` };
  return { value: { to, port } };
}

export function methodProblem(method: string): string | null {
  return METHOD.test(method)
    ? null
    : `${quote(clip(method))} is not an HTTP method (upper case, such as \`GET\`)`;
}

export function pathProblem(path: string): string | null {
  return PATH.test(path)
    ? null
    : `${quote(clip(path))} is not a request path (it starts with \`/\` and has no spaces)`;
}

/** Keeps echoed user input short in messages; renderers escape it. */
export function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
