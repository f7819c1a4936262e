import { randomBytes } from 'node:crypto';
import { RedisAdapter } from '@grammyjs/storage-redis';
import { MemorySessionStorage, type StorageAdapter } from 'grammy';
import { Redis } from 'ioredis';
import { CONVERSATION_TTL_MS, type Conversation } from '../conversation/index.ts';
import type { Logger } from '../logger.ts';
import { FeedbackLog, RedisFeedbackStore, type FeedbackStore } from './feedback.ts';

/** What the rate limiter keeps its counts in: its own memory, or a Redis-like client. */
export type RateLimitStore = 'MEMORY_STORE' | { incr(key: string): Promise<number>; pexpire(key: string, ms: number): Promise<number> };

/** Holds the right to rebuild the shared index, so only one replica rebuilds at a time. */
export interface ReindexLock {
  /** A release function when this process got the lock, null when another one holds it. */
  acquire(): Promise<(() => Promise<void>) | null>;
}

/** The state replicas must agree on; in memory and files for one process, in Redis for several. */
export interface SharedState {
  feedback: FeedbackStore;
  rateLimitStore: RateLimitStore;
  reindexLock: ReindexLock;
  /** Each chat's conversation, gone CONVERSATION_TTL_MS after its last turn: in memory, or in Redis so any replica continues it. */
  conversations: StorageAdapter<Conversation>;
  /** Tells the other replicas a new build is published in the shared index folder. */
  announceBuild(builtAt: string): Promise<void>;
  /** Calls `listener` when another replica announces a build. */
  onBuild(listener: (builtAt: string) => void): void;
  /** Closes connections, after the updates in flight are done. */
  close(): Promise<void>;
}

/** The window of the per-user rate limit. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
// Every key this project writes in Redis starts so.
export const PREFIX = 'cutrihoi';
// A lock whose owner died frees itself after this long; a live owner renews it well before.
const LOCK_TTL_MS = 60_000;
const LOCK_RENEW_MS = 20_000;
const BUILDS_CHANNEL = `${PREFIX}:builds`;
// Only the owner may release or renew the lock: after an expiry it may belong to another replica.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Several replicas: rate-limit counts, /stats counters, feedback and the reindex lock in Redis at
 * `url`. A command waits while the connection is being made, and fails after one reconnection attempt
 * while Redis is away; the callers degrade: the rate limit lets a message through with a warning, an
 * answer goes out without feedback buttons.
 */
export function redisState(url: string, logger: Logger): SharedState {
  // Short timeouts: an unreachable host (not only a refused connection) must not hold an answer for long.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
  let warned = false;
  redis.on('error', (error: Error) => {
    // ioredis reconnects by itself; one line per outage, not one per attempt.
    if (!warned) logger.warn({ err: error }, 'Redis is unreachable; answering without shared state until it is back');
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) logger.info('Redis is reachable again');
    warned = false;
  });
  const rateLimitStore: RateLimitStore = {
    // The count and its expiry in one transaction: a count left without expiry would block its user for good.
    // An unknown count lets the message through: better an extra answer than a silent bot.
    incr: (key) =>
      redis
        .multi()
        .incr(key)
        .pexpire(key, RATE_LIMIT_WINDOW_MS, 'NX')
        .exec()
        .then((results) => {
          const [error, count] = results?.[0] ?? [new Error('transaction aborted'), 0];
          if (error) throw error;
          return Number(count);
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'rate limit not checked: Redis is unreachable');
          return 1;
        }),
    // The expiry is set with the count above.
    pexpire: async () => 1,
  };
  const reindexLock: ReindexLock = {
    async acquire() {
      const key = `${PREFIX}:reindex-lock`;
      const owner = randomBytes(8).toString('hex');
      if ((await redis.set(key, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return null;
      const renew = setInterval(() => {
        void redis.eval(RENEW, 1, key, owner, LOCK_TTL_MS).then(
          (renewed) => renewed === 1 || (clearInterval(renew), logger.warn('the reindex lock expired while rebuilding; another replica may rebuild too')),
          () => undefined,
        );
      }, LOCK_RENEW_MS);
      renew.unref();
      return async () => {
        clearInterval(renew);
        await redis.eval(RELEASE, 1, key, owner).catch((error: unknown) => logger.warn({ err: error }, 'could not release the reindex lock; it expires by itself'));
      };
    },
  };
  // A subscribed connection can do nothing else, so announcements come in on a second one.
  let subscriber: Redis | undefined;
  const sessions = new RedisAdapter<Conversation>({ instance: redis, ttl: CONVERSATION_TTL_MS / 1000 });
  // Without Redis a conversation is forgotten, never an answer refused: each message then stands alone.
  const conversations: StorageAdapter<Conversation> = {
    read: (key) => sessions.read(key).catch(() => undefined),
    write: (key, value) => sessions.write(key, value).catch((error: unknown) => logger.warn({ err: error }, 'conversation not saved')),
    delete: (key) => sessions.delete(key).catch((error: unknown) => logger.warn({ err: error }, 'conversation not deleted')),
  };
  return {
    feedback: new RedisFeedbackStore(redis, PREFIX),
    rateLimitStore,
    reindexLock,
    conversations,
    async announceBuild(builtAt) {
      await redis.publish(BUILDS_CHANNEL, builtAt).catch((error: unknown) => logger.warn({ err: error }, 'could not announce the new build; replicas find it within seconds anyway'));
    },
    onBuild(listener) {
      subscriber ??= redis.duplicate();
      subscriber.on('error', () => undefined);
      subscriber.on('message', (_channel: string, builtAt: string) => listener(builtAt));
      void subscriber.subscribe(BUILDS_CHANNEL).catch((error: unknown) => logger.warn({ err: error }, 'not listening for new builds; replicas find them within seconds anyway'));
    },
    async close() {
      await Promise.all([redis, subscriber].map((c) => c?.quit().catch(() => c.disconnect())));
    },
  };
}

/** One process: feedback in a JSONL file, counts and the lock in memory. */
export function localState(feedbackFile: string): SharedState {
  return {
    feedback: new FeedbackLog(feedbackFile),
    rateLimitStore: 'MEMORY_STORE',
    conversations: new MemorySessionStorage<Conversation>(CONVERSATION_TTL_MS),
    // The assistant itself refuses a second rebuild in this process.
    reindexLock: { acquire: async () => async () => undefined },
    // One process swaps its own index: there is nobody to tell.
    announceBuild: async () => undefined,
    onBuild: () => undefined,
    close: async () => undefined,
  };
}
