import type { RateLimitStore } from '../bot/shared.ts';

/** Questions per client per minute: counted in this process, or in Redis so the limit holds across replicas. */
export interface RateLimiter {
  /** Counts one question from `client`; false when it is over the limit. */
  allow(client: string): Promise<boolean>;
}

const WINDOW_MS = 60_000;

/** A fixed one-minute window per client, in the rate-limit store the bot already shares (its memory, or Redis). */
export function createRateLimiter(store: RateLimitStore, perMinute: number): RateLimiter {
  if (store === 'MEMORY_STORE') {
    const windows = new Map<string, { count: number; until: number }>();
    return {
      async allow(client) {
        const now = Date.now();
        const current = windows.get(client);
        const window = current && current.until > now ? current : { count: 0, until: now + WINDOW_MS };
        window.count++;
        windows.set(client, window);
        // Expired windows go, so a long-running page does not keep every address it ever saw.
        if (windows.size > 10_000) for (const [key, w] of windows) if (w.until <= now) windows.delete(key);
        return window.count <= perMinute;
      },
    };
  }
  return {
    async allow(client) {
      const key = `cutrihoi:web:${client}`;
      // Redis unreachable: questions go through rather than being refused.
      const count = await store.incr(key).catch(() => 0);
      if (count === 1) await store.pexpire(key, WINDOW_MS).catch(() => 0);
      return count <= perMinute;
    },
  };
}
