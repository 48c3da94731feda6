/** How long a command counts against its pull request's limit. */
export const RATE_WINDOW_MS = 10 * 60 * 1000;
/** Pull requests tracked at once; the least recently used is forgotten beyond this. */
const MAX_KEYS = 10_000;

export type Admission =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly retryAfterSeconds: number;
      /** The first refusal in the window gets a reply; later ones are dropped silently. */
      readonly firstRefusal: boolean;
    };

/**
 * Commands per pull request in a sliding window, in the App's memory: a burst of `/mesh`
 * comments (or a loop with another tool) costs at most `limit` analyses and one "slow down"
 * reply per window. It is not shared between App replicas nor kept across restarts, and the
 * Action does not need it: each comment is its own workflow run, serialised by `concurrency`.
 */
export class CommandRateLimiter {
  private readonly seen = new Map<string, { times: number[]; refused: boolean }>();

  constructor(private readonly clock: () => Date) {}

  admit(key: string, limit: number): Admission {
    const now = this.clock().getTime();
    const entry = this.seen.get(key) ?? { times: [], refused: false };
    this.seen.delete(key);
    entry.times = entry.times.filter((t) => now - t < RATE_WINDOW_MS);
    this.seen.set(key, entry);
    this.forgetOldest();
    if (entry.times.length < limit) {
      entry.times.push(now);
      entry.refused = false;
      return { allowed: true };
    }
    const oldest = entry.times[0] ?? now;
    const firstRefusal = !entry.refused;
    entry.refused = true;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now) / 1000)),
      firstRefusal,
    };
  }

  private forgetOldest(): void {
    while (this.seen.size > MAX_KEYS) {
      const first = this.seen.keys().next();
      if (first.done === true) return;
      this.seen.delete(first.value);
    }
  }
}
