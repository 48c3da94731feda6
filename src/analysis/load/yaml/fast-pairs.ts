import { unsupported } from './fast-scanner.js';
import type { Position, YamlNode, YamlPair } from './types.js';

/*
 * Collections are built on shared stacks and copied out with `slice`, which allocates exactly
 * the needed length: an array grown by `push` keeps room for 16 more elements, and the parsed
 * trees of a large mesh hold millions of small collections. Nested collections finish before
 * their parent's next entry is pushed, so each collection's entries stay contiguous.
 */
const pairStack: YamlPair[] = [];
const itemStack: YamlNode[] = [];
// Stack tops are kept apart from `length`: shrinking an array's length trims its storage.
let pairTop = 0;
let itemTop = 0;

/**
 * Empties the stacks once a document is done (or abandoned): entries above the tops are stale
 * but still referenced, and would keep the whole previous tree alive.
 */
export function resetStacks(): void {
  pairTop = 0;
  itemTop = 0;
  pairStack.length = 0;
  itemStack.length = 0;
}

/** Above this many pairs a mapping indexes its keys; below, a scan is cheaper than a Set. */
const SCAN_LIMIT = 12;

/**
 * The pairs of one mapping. A duplicate key is a `duplicate-key` problem in the reference, so
 * the fast path leaves such documents to it.
 */
export class PairList {
  private readonly base = pairTop;
  private index: Set<string> | null = null;

  add(key: string, keyPos: Position, value: YamlNode | null): void {
    const base = this.base;
    const end = pairTop;
    if (this.index !== null) {
      if (this.index.has(key)) unsupported();
      this.index.add(key);
    } else {
      for (let i = base; i < end; i++) if ((pairStack[i] as YamlPair).key === key) unsupported();
      if (end - base === SCAN_LIMIT) {
        this.index = new Set([...pairStack.slice(base, end).map((p) => p.key), key]);
      }
    }
    pairStack[pairTop++] = { key, keyPos, value };
  }

  finish(): YamlPair[] {
    const pairs = pairStack.slice(this.base, pairTop);
    pairTop = this.base;
    return pairs;
  }
}

export function itemsStart(): number {
  return itemTop;
}

export function pushItem(item: YamlNode): void {
  itemStack[itemTop++] = item;
}

export function itemsFinish(base: number): YamlNode[] {
  const items = itemStack.slice(base, itemTop);
  itemTop = base;
  return items;
}

/** Entries currently on the stacks: zero between documents (checked by the tests). */
export function stackSizes(): { pairs: number; items: number } {
  return { pairs: pairStack.length, items: itemStack.length };
}
