import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisFeedbackStore } from '../../src/bot/feedback.ts';
import { runScript, scratchWorkspace } from '../helpers.ts';
import { RedisServer } from '../support/redis-server.ts';

let redis: RedisServer | undefined;
afterEach(async () => redis?.stop());

const vote = { question: 'Mấy giờ, "sớm" nhất?', answered: true, docIds: ['guidance/a', 'law/b'], vote: 'up', time: '2026-03-15T01:00:00.000Z' };

describe('npm run feedback', () => {
  it('exports the votes of the feedback file as JSON lines or CSV', async () => {
    const ws = await scratchWorkspace();
    const file = path.join(ws.root, 'feedback.jsonl');
    await writeFile(file, `${JSON.stringify(vote)}\n`);
    const jsonl = await runScript('src/cli/feedback.ts', [], { FEEDBACK_FILE: file });
    expect(jsonl.code).toBe(0);
    expect(JSON.parse(jsonl.stdout.trim())).toEqual(vote);
    const csv = await runScript('src/cli/feedback.ts', ['--format', 'csv'], { FEEDBACK_FILE: file });
    expect(csv.stdout.trim().split('\n')).toEqual(['time,vote,answered,question,docIds', '2026-03-15T01:00:00.000Z,up,true,"Mấy giờ, ""sớm"" nhất?",guidance/a law/b']);
    const wrong = await runScript('src/cli/feedback.ts', ['--format', 'xml'], { FEEDBACK_FILE: file });
    // A wrong value is a mistake of usage, as an unknown option is: exit 2 with the usage.
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toEqual(['--format must be jsonl or csv, not xml', expect.stringMatching(/^Usage: npm run feedback/)]);
  });

  it('exports the votes the replicas stored in Redis', async () => {
    redis = new RedisServer();
    await redis.start();
    const client = new Redis(redis.url);
    const store = new RedisFeedbackStore(client, 'cutrihoi');
    const id = await store.remember({ question: 'Ai được bầu?', answered: true, docIds: ['guidance/a'] });
    await store.vote(id, 'down');
    await store.vote('ffffff0', 'up');
    client.disconnect();
    const out = await runScript('src/cli/feedback.ts', [], { REDIS_URL: redis.url });
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ question: 'Ai được bầu?', answered: true, docIds: ['guidance/a'], vote: 'down' }),
      expect.objectContaining({ question: null, answered: null, vote: 'up' }),
    ]);
  });
});
