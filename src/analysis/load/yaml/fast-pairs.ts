import { unsupported } from './fast-scanner.js';
import type { Position, YamlNode, YamlPair } from './types.js';

/** Above this many pairs a mapping indexes its keys; below, a scan is cheaper than a Set. */
const SCAN_LIMIT = 12;

/**
 * The pairs of one mapping. A duplicate key is a `duplicate-key` problem in the reference, so
 * the fast path leaves such documents to it.
 */
export class PairList {
  readonly pairs: YamlPair[] = [];
  private index: Set<string> | null = null;

  add(key: string, keyPos: Position, value: YamlNode | null): void {
    const pairs = this.pairs;
    if (this.index !== null) {
      if (this.index.has(key)) unsupported();
      this.index.add(key);
    } else {
      for (let i = 0; i < pairs.length; i++) if ((pairs[i] as YamlPair).key === key) unsupported();
      if (pairs.length === SCAN_LIMIT) this.index = new Set([...pairs.map((p) => p.key), key]);
    }
    pairs.push({ key, keyPos, value });
  }
}
