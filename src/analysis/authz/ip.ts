/**
 * IP addresses and CIDR ranges for `ipBlocks`, `remoteIpBlocks`, `source.ip`, `remote.ip` and
 * `destination.ip`. Istio turns each value into an Envoy `CidrRange`
 * (`pilot/pkg/networking/util.AddrStrToCidrRange`): a bare address is a /32 or /128, and the
 * address bits past the prefix length are ignored. IPv4 ranges never match IPv6 addresses.
 */

export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface CidrRange {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  /** Canonical spelling, `10.0.0.0/8`; bare addresses print without `/32`. */
  readonly text: string;
}

export function parseAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === null ? null : { family: 6, value: v6 };
}

export function parseCidr(text: string): CidrRange | null {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return null;
  const width = address.family === 4 ? 32 : 128;
  const bits = slash < 0 ? width : Number(text.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return null;
  const hostBits = BigInt(width - bits);
  const first = (address.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  const base = formatAddress({ family: address.family, value: first });
  return { family: address.family, first, last, text: bits === width ? base : `${base}/${bits}` };
}

export function cidrContains(range: CidrRange, address: IpAddress): boolean {
  return (
    range.family === address.family && address.value >= range.first && address.value <= range.last
  );
}

/**
 * Addresses that cover every region of the partition the ranges induce: each range is an
 * interval, so the regions are the elementary intervals between consecutive boundaries, and the
 * first address of each interval (every range start, every address after a range end, and the
 * lowest address of each family) represents it.
 */
export function ipWitnesses(ranges: readonly CidrRange[]): IpAddress[] {
  const points = new Map<string, IpAddress>();
  const add = (family: 4 | 6, value: bigint): void => {
    const max = family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
    if (value <= max) points.set(`${family}:${value}`, { family, value });
  };
  add(4, 0n);
  add(6, 0n);
  for (const range of ranges) {
    add(range.family, range.first);
    add(range.family, range.last + 1n);
  }
  return [...points.values()].sort((a, b) =>
    a.family !== b.family
      ? a.family - b.family
      : a.value < b.value
        ? -1
        : a.value > b.value
          ? 1
          : 0,
  );
}

export function formatAddress(address: IpAddress): string {
  if (address.family === 4) {
    const v = address.value;
    return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 255n)).join('.');
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((address.value >> shift) & 0xffffn).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: readonly string[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

function parseIpv4(text: string): bigint | null {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return null;
  let value = 0n;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255 || (octet.length > 1 && octet.startsWith('0'))) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const zoneless = text.split('%')[0] ?? '';
  if (!/^[0-9a-fA-F:.]+$/.test(zoneless) || !zoneless.includes(':')) return null;
  const halves = zoneless.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string): bigint[] | null => {
    if (half === '') return [];
    const out: bigint[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      if (part.includes('.') && i === parts.length - 1) {
        const v4 = parseIpv4(part);
        if (v4 === null) return null;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(BigInt(`0x${part}`));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let value = 0n;
  for (const group of [...head, ...Array<bigint>(missing).fill(0n), ...tail])
    value = (value << 16n) | group;
  return value;
}
