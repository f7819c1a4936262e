import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface AnswerRecord {
  question: string;
  answered: boolean;
  docIds: string[];
}

export interface Counters {
  answered: number;
  declined: number;
  up: number;
  down: number;
}

const REMEMBERED_ANSWERS = 2000;

/**
 * Remembers recent answers so a 👍/👎 can be tied to its question, and appends votes to a JSONL
 * file. No user identity is stored.
 */
export class FeedbackLog {
  readonly counters: Counters = { answered: 0, declined: 0, up: 0, down: 0 };
  private readonly answers = new Map<string, AnswerRecord>();
  private next = 0;
  // Buttons outlive the process: a per-process prefix keeps an old 👍 from landing on a new answer.
  private readonly prefix = randomBytes(3).toString('hex');

  constructor(private readonly file: string) {}

  /** Stores an answer and returns the short id its feedback buttons carry. */
  remember(record: AnswerRecord): string {
    if (record.answered) this.counters.answered++;
    else this.counters.declined++;
    const id = `${this.prefix}${(this.next++).toString(36)}`;
    this.answers.set(id, record);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    return id;
  }

  async vote(answerId: string, vote: 'up' | 'down'): Promise<void> {
    const record = this.answers.get(answerId) ?? { question: null, answered: null, docIds: [] };
    this.counters[vote]++;
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ ...record, vote, time: new Date().toISOString() })}\n`);
  }
}
