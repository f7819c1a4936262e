import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Answer } from '../answer/index.ts';
import { isSmallTalk } from '../search/index.ts';

export interface AnswerRecord {
  question: string;
  answered: boolean;
  docIds: string[];
}

/** Keeps an answer for its 👍/👎 and returns the id they carry; small talk ("xin chào", "cảm ơn") has nothing to rate. */
export async function rememberAnswer(store: FeedbackStore, question: string, answer: Answer): Promise<string | null> {
  if (isSmallTalk(answer.outcome)) return null;
  return store.remember({ question, answered: answer.answered, docIds: [...new Set(answer.citations.map((c) => c.docId))] });
}

export interface Counters {
  answered: number;
  declined: number;
  up: number;
  down: number;
}

/** One 👍/👎: the answer it rates (null fields when that answer is no longer remembered), the vote and its time. */
export interface VoteRecord {
  question: string | null;
  answered: boolean | null;
  docIds: string[];
  vote: 'up' | 'down';
  time: string;
}

/**
 * Remembers answers so a 👍/👎 can be tied to its question, keeps the /stats counters, and stores
 * votes. No user identity is stored. One process keeps them in memory and a JSONL file; several
 * replicas share them in Redis.
 */
export interface FeedbackStore {
  /** Stores an answer (counted as answered or declined) and returns the short id its feedback buttons carry. */
  remember(record: AnswerRecord): Promise<string>;
  /** Records a vote; resolves once it is stored. */
  vote(answerId: string, vote: 'up' | 'down'): Promise<void>;
  counters(): Promise<Counters>;
  /** Every vote stored, oldest first. */
  votes(): Promise<VoteRecord[]>;
}

const REMEMBERED_ANSWERS = 2000;
// Buttons outlive the process: a per-process (or per-store) prefix keeps an old 👍 from landing on a new answer.
const newPrefix = () => randomBytes(3).toString('hex');

/** One process: recent answers in memory, votes appended to a JSONL file. */
export class FeedbackLog implements FeedbackStore {
  private readonly count: Counters = { answered: 0, declined: 0, up: 0, down: 0 };
  private readonly answers = new Map<string, AnswerRecord>();
  private next = 0;
  private readonly prefix = newPrefix();

  constructor(private readonly file: string) {}

  async remember(record: AnswerRecord): Promise<string> {
    this.count[record.answered ? 'answered' : 'declined']++;
    const id = `${this.prefix}${(this.next++).toString(36)}`;
    this.answers.set(id, record);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    return id;
  }

  async vote(answerId: string, vote: 'up' | 'down'): Promise<void> {
    const record = this.answers.get(answerId) ?? { question: null, answered: null, docIds: [] };
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ ...record, vote, time: new Date().toISOString() })}\n`);
    // Counted once stored: a vote that failed is tapped again, and must not count twice.
    this.count[vote]++;
  }

  async counters(): Promise<Counters> {
    return { ...this.count };
  }

  async votes(): Promise<VoteRecord[]> {
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as VoteRecord);
  }
}

// Answers (their question text) stay ratable this long, then leave Redis; a vote on an older answer is stored without its question.
const ANSWER_TTL_SECONDS = 2 * 24 * 3600;

/** The first error of a MULTI's commands, thrown. */
function throwFailed(results: Array<[Error | null, unknown]> | null): void {
  if (!results) throw new Error('Redis transaction aborted');
  const failed = results.find(([error]) => error)?.[0];
  if (failed) throw failed;
}

/** Several replicas: answers, counters and votes in Redis, each vote one atomic write. */
export class RedisFeedbackStore implements FeedbackStore {
  private readonly prefix = newPrefix();

  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  private key(name: string): string {
    return `${this.namespace}:feedback:${name}`;
  }

  async remember(record: AnswerRecord): Promise<string> {
    const id = `${this.prefix}${(await this.redis.incr(this.key('next'))).toString(36)}`;
    throwFailed(
      await this.redis
        .multi()
        .set(this.key(`answer:${id}`), JSON.stringify(record), 'EX', ANSWER_TTL_SECONDS)
        .hincrby(this.key('counters'), record.answered ? 'answered' : 'declined', 1)
        .exec(),
    );
    return id;
  }

  async vote(answerId: string, vote: 'up' | 'down'): Promise<void> {
    const stored = await this.redis.get(this.key(`answer:${answerId}`));
    const record: Omit<VoteRecord, 'vote' | 'time'> = stored ? (JSON.parse(stored) as AnswerRecord) : { question: null, answered: null, docIds: [] };
    const entry: VoteRecord = { ...record, vote, time: new Date().toISOString() };
    throwFailed(await this.redis.multi().rpush(this.key('votes'), JSON.stringify(entry)).hincrby(this.key('counters'), vote, 1).exec());
  }

  async counters(): Promise<Counters> {
    const stored = await this.redis.hgetall(this.key('counters'));
    const of = (field: keyof Counters) => Number(stored[field] ?? 0);
    return { answered: of('answered'), declined: of('declined'), up: of('up'), down: of('down') };
  }

  async votes(): Promise<VoteRecord[]> {
    return (await this.redis.lrange(this.key('votes'), 0, -1)).map((line) => JSON.parse(line) as VoteRecord);
  }
}
