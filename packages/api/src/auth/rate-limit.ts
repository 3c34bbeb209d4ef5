/** A fixed-window counter per key (in memory: one process serves a market). */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    public limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    const h = this.hits.get(key);
    if (!h || now - h.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000) this.prune(now);
      this.hits.set(key, { windowStart: now, count: 1 });
      return true;
    }
    h.count++;
    return h.count <= this.limit;
  }

  reset(): void {
    this.hits.clear();
  }

  private prune(now: number) {
    for (const [k, v] of this.hits) if (now - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}

/** Login attempts: 10 per IP per minute; the 11th gets TOO_MANY_REQUESTS. */
export const loginLimiter = new RateLimiter(10, 60_000);
