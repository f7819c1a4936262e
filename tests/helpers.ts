import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll } from 'vitest';
import { CorpusError } from '../src/corpus/index.ts';

export { freePort } from './support/free-port.ts';

const roots: string[] = [];
// Registered when a test file imports this module, so every file removes the directories it made.
afterAll(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/**
 * A scratch copy of the shipped corpus, an index location and an empty models folder (so `auto`
 * picks the local embedder even where a model was downloaded) inside a fresh temporary directory.
 */
export async function scratchWorkspace(): Promise<{ root: string; corpusDir: string; indexDir: string; modelsDir: string }> {
  const root = await tempDir();
  const corpusDir = path.join(root, 'corpus');
  await cp('corpus', corpusDir, { recursive: true });
  return { root, corpusDir, indexDir: path.join(root, 'data', 'index'), modelsDir: path.join(root, 'models') };
}

/** A logger that keeps its lines in memory so tests can read what was logged. */
export function memoryLogger(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (chunk: string) => chunks.push(chunk) });
  return { logger, lines: () => chunks.map((c) => JSON.parse(c) as Record<string, unknown>) };
}

/** An empty temporary directory, removed after the test file. */
export async function tempDir(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'cu-tri-hoi-'));
  roots.push(root);
  return root;
}

/** Runs a TypeScript entry point in a fresh Node process (through tsx) and collects its output. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The CorpusError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CorpusError) return error;
    throw error;
  }
  throw new Error('expected a CorpusError');
}
