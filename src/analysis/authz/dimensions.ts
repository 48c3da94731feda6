import type { CidrRange, IpAddress } from './ip.js';
import { cidrContains, ipWitnesses } from './ip.js';
import type { StringAtom } from './strings.js';
import type { StringDomain } from './witnesses.js';
import { atomKey, formatStringAtom, testStringAtom } from './strings.js';
import { stringWitnesses } from './witnesses.js';

/**
 * The request attributes a symbolic request set ranges over. The caller's identity and the
 * destination port are fixed for one evaluation, so they are resolved before sets are built;
 * everything else a rule can read is a dimension:
 *
 * - `traffic`: `http` or `tcp`, which inbound chain handles the connection (both on `auto` ports);
 * - `method`, `path`, `host`: `:method`, the path without query, `:authority` (lower-cased);
 * - `header:<name>`: one per header a `when` condition reads (names lower-cased, as Envoy does);
 * - `jwt`: the validated token, or none: its issuer and subject (`requestPrincipals`), audiences,
 *   presenter and claims, one compound value so that "no token" is a single point;
 * - `source.ip`, `remote.ip`, `destination.ip`: addresses (`ipBlocks`, `remoteIpBlocks`, keys);
 * - `sni`: `connection.sni`, absent on plaintext.
 */
export type DimensionKey = string;

export type JwtComponent = string;

export type Atom =
  | { readonly kind: 'traffic'; readonly value: 'http' | 'tcp' }
  | { readonly kind: 'string'; readonly atom: StringAtom }
  | { readonly kind: 'cidr'; readonly range: CidrRange }
  /** One component of the token (`iss`, `sub`, `aud`, `azp`, `claim:a.b`). */
  | { readonly kind: 'jwt'; readonly component: JwtComponent; readonly atom: StringAtom }
  /**
   * A `requestPrincipals` value: `iss/sub` split at the last `/`, each side matched on its own
   * (`requestPrincipalGenerator` in `pilot/pkg/security/authz/model/generator.go`).
   */
  | {
      readonly kind: 'requestPrincipal';
      readonly pattern: string;
      readonly iss: StringAtom;
      readonly sub: StringAtom;
    }
  /** A validated token is present. */
  | { readonly kind: 'token' };

export type JwtValue = Readonly<Record<JwtComponent, string | null>> | null;
export type Value = string | null | IpAddress | JwtValue;

/** A boolean combination of atoms: predicates on one dimension, or on the caller's identity. */
export type Expr<A = Atom> =
  | { readonly op: 'true' }
  | { readonly op: 'false' }
  | { readonly op: 'atom'; readonly atom: A }
  | { readonly op: 'not'; readonly arg: Expr<A> }
  | { readonly op: 'and' | 'or'; readonly args: readonly Expr<A>[] };

export const TRUE: Expr<never> = { op: 'true' };
export const FALSE: Expr<never> = { op: 'false' };

export function atomExpr<A>(atom: A): Expr<A> {
  return { op: 'atom', atom };
}

export function not<A>(arg: Expr<A>): Expr<A> {
  if (arg.op === 'true') return FALSE;
  if (arg.op === 'false') return TRUE;
  return arg.op === 'not' ? arg.arg : { op: 'not', arg };
}

export function and<A>(args: readonly Expr<A>[]): Expr<A> {
  const kept = args.filter((a) => a.op !== 'true');
  if (kept.some((a) => a.op === 'false')) return FALSE;
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? (kept[0] ?? TRUE) : { op: 'and', args: kept };
}

export function or<A>(args: readonly Expr<A>[]): Expr<A> {
  const kept = args.filter((a) => a.op !== 'false');
  if (kept.some((a) => a.op === 'true')) return TRUE;
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? (kept[0] ?? FALSE) : { op: 'or', args: kept };
}

export function evaluate<A>(expr: Expr<A>, test: (atom: A) => boolean): boolean {
  switch (expr.op) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'atom':
      return test(expr.atom);
    case 'not':
      return !evaluate(expr.arg, test);
    case 'and':
      return expr.args.every((a) => evaluate(a, test));
    case 'or':
      return expr.args.some((a) => evaluate(a, test));
  }
}

export function atomsOf<A>(expr: Expr<A>, out: A[] = []): A[] {
  if (expr.op === 'atom') out.push(expr.atom);
  else if (expr.op === 'not') atomsOf(expr.arg, out);
  else if (expr.op === 'and' || expr.op === 'or') for (const a of expr.args) atomsOf(a, out);
  return out;
}

export function keyOfAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'traffic':
      return `traffic:${atom.value}`;
    case 'string':
      return atomKey(atom.atom);
    case 'cidr':
      return `cidr:${atom.range.text}`;
    case 'jwt':
      return `${atom.component}=${atomKey(atom.atom)}`;
    case 'requestPrincipal':
      return `principal=${atom.pattern}`;
    case 'token':
      return 'token';
  }
}

// ---- per-dimension behaviour ------------------------------------------------------------------

const STRING_DOMAINS: Readonly<Record<string, StringDomain>> = {
  method: { absent: false, empty: false, startsWith: '', lowercase: false },
  path: { absent: false, empty: false, startsWith: '/', lowercase: false },
  host: { absent: false, empty: false, startsWith: '', lowercase: true },
  header: { absent: true, empty: true, startsWith: '', lowercase: false },
  sni: { absent: true, empty: false, startsWith: '', lowercase: false },
};

const JWT_ISSUER: StringDomain = { absent: false, empty: false, startsWith: '', lowercase: false };
const JWT_OTHER: StringDomain = { absent: true, empty: true, startsWith: '', lowercase: false };

/** Beyond this many token shapes the product of claim witnesses is not enumerated. */
const JWT_PRODUCT_LIMIT = 4096;

const ORDER = [
  'traffic',
  'method',
  'path',
  'host',
  'header:',
  'jwt',
  'source.ip',
  'remote.ip',
  'destination.ip',
  'sni',
];

/** Print and decision order: traffic, method, path, host, headers by name, token, addresses, SNI. */
export function compareDimensions(a: DimensionKey, b: DimensionKey): number {
  const rank = (k: string): number =>
    ORDER.findIndex((p) => (p.endsWith(':') ? k.startsWith(p) : k === p));
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function isIpDimension(dimension: DimensionKey): boolean {
  return dimension === 'source.ip' || dimension === 'remote.ip' || dimension === 'destination.ip';
}

function stringDomain(dimension: DimensionKey): StringDomain {
  return (
    STRING_DOMAINS[dimension.startsWith('header:') ? 'header' : dimension] ?? STRING_DOMAINS.header!
  );
}

/** Witnesses for one dimension (see `stringWitnesses`), or `null` when too many to enumerate. */
export function witnessesOf(dimension: DimensionKey, atoms: readonly Atom[]): Value[] | null {
  if (dimension === 'traffic') return ['http', 'tcp'];
  if (isIpDimension(dimension))
    return ipWitnesses(atoms.flatMap((a) => (a.kind === 'cidr' ? [a.range] : [])));
  if (dimension === 'jwt') return jwtWitnesses(atoms);
  const strings = atoms.flatMap((a) => (a.kind === 'string' ? [a.atom] : []));
  return stringWitnesses(strings, stringDomain(dimension));
}

/**
 * The token is a record of the components any atom reads. Components vary independently once a
 * token is present, so the product of each component's witnesses, plus "no token", covers every
 * region (each region is a product of component regions, or the single no-token point).
 */
function jwtWitnesses(atoms: readonly Atom[]): Value[] | null {
  const byComponent = new Map<JwtComponent, StringAtom[]>();
  const add = (component: JwtComponent, atom: StringAtom): void => {
    const list = byComponent.get(component) ?? [];
    list.push(atom);
    byComponent.set(component, list);
  };
  for (const atom of atoms) {
    if (atom.kind === 'jwt') add(atom.component, atom.atom);
    if (atom.kind === 'requestPrincipal') {
      add('iss', atom.iss);
      add('sub', atom.sub);
    }
  }
  let shapes: Record<JwtComponent, string | null>[] = [{}];
  for (const component of [...byComponent.keys()].sort()) {
    const values = stringWitnesses(
      byComponent.get(component) ?? [],
      component === 'iss' ? JWT_ISSUER : JWT_OTHER,
    );
    if (values === null || shapes.length * values.length > JWT_PRODUCT_LIMIT) return null;
    shapes = shapes.flatMap((shape) => values.map((v) => ({ ...shape, [component]: v })));
  }
  return [null, ...shapes];
}

export function testAtom(atom: Atom, value: Value): boolean {
  switch (atom.kind) {
    case 'traffic':
      return value === atom.value;
    case 'string':
      return typeof value === 'string' || value === null ? testStringAtom(atom.atom, value) : false;
    case 'cidr':
      return isAddress(value) && cidrContains(atom.range, value);
    case 'token':
      return isToken(value);
    case 'jwt':
      return isToken(value) && testStringAtom(atom.atom, value[atom.component] ?? null);
    case 'requestPrincipal':
      return (
        isToken(value) &&
        testStringAtom(atom.iss, value.iss ?? null) &&
        testStringAtom(atom.sub, value.sub ?? null)
      );
  }
}

function isAddress(value: Value): value is IpAddress {
  return typeof value === 'object' && value !== null && 'family' in value;
}

function isToken(value: Value): value is Readonly<Record<string, string | null>> {
  return typeof value === 'object' && value !== null && !('family' in value);
}

/** How an atom reads in a description line. */
export function formatAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'traffic':
      return atom.value === 'http' ? 'HTTP' : 'non-HTTP connections';
    case 'string':
      return formatValue(atom.atom);
    case 'cidr':
      return atom.range.text;
    case 'token':
      return 'present';
    case 'jwt':
      return `${componentLabel(atom.component)} ${formatValue(atom.atom)}`;
    case 'requestPrincipal':
      return `principal ${atom.pattern}`;
  }
}

function formatValue(atom: StringAtom): string {
  return atom.kind === 'present' || atom.kind === 'nonEmpty' ? 'present' : formatStringAtom(atom);
}

function componentLabel(component: JwtComponent): string {
  if (component.startsWith('claim:'))
    return `claim ${component.slice(6).split('\u0000').join('.')}`;
  return component;
}

/** The name printed before a dimension's values, `null` for the bare method and path. */
export function dimensionLabel(dimension: DimensionKey): string | null {
  if (dimension === 'method' || dimension === 'path' || dimension === 'traffic') return null;
  if (dimension.startsWith('header:')) return `header ${dimension.slice(7)}`;
  return dimension === 'jwt' ? 'JWT' : dimension;
}
