import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, lstat, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, l2normalize, LocalEmbedder, lockIndex, openIndex, readManifest, type Embedder } from '../../src/index/index.ts';
import { memoryLogger, scratchWorkspace } from '../helpers.ts';

const CHILD = 'tests/index/publish-child.ts';

interface Child {
  process: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves true once stdout or stderr contains `text`, false if the process ends first. */
  shows: (text: string) => Promise<boolean>;
  exited: Promise<number | null>;
}

/** Starts a TypeScript entry point in its own Node process, killed if it outlives `limitMs`. */
function start(script: string, args: string[], env: Record<string, string> = {}, limitMs = 55_000): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => ((out += d), waiters.forEach((w) => w())));
  child.stderr.on('data', (d: Buffer) => ((err += d), waiters.forEach((w) => w())));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve(code))));
  const shows = (text: string) =>
    new Promise<boolean>((resolve) => {
      const check = () => (out + err).includes(text) && (waiters.delete(check), resolve(true));
      waiters.add(check);
      check();
      void exited.then(() => resolve((out + err).includes(text)));
    });
  return { process: child, stdout: () => out, stderr: () => err, shows, exited };
}

/** Polls `condition` every 20 ms until it holds. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Cheap random vectors; every build first waits at `state.gate`, and `state.arrived` counts those that got there. `state.id` names the embedder. */
function gatedEmbedder() {
  const vector = () => l2normalize(Float32Array.from({ length: 16 }, () => Math.random() - 0.5));
  const state = { gate: Promise.resolve(), arrived: 0, id: 'gated-random-16' };
  const embedder: Embedder = {
    get id() {
      return state.id;
    },
    dimensions: 16,
    embedQuery: async () => vector(),
    embedPassages: async (texts) => (state.arrived++, await state.gate, texts.map(vector)),
  };
  return { embedder, state };
}

const builds = (indexDir: string) => readdir(`${indexDir}.builds`);

describe('publishing while other processes read', () => {
  it('never lets a build disappear under a reader, however quickly builds are published', async () => {
    const ws = await scratchWorkspace();
    // The corpus three times over, so a load takes long enough for several publishes to land in it.
    for (const copy of ['copy-1', 'copy-2']) for (const dir of ['guidance', 'news']) await cp(path.join('corpus', dir), path.join(ws.corpusDir, copy, dir), { recursive: true });
    const hnsw = { m: 8, efConstruction: 16, efSearch: 50 };
    const { embedder, state } = gatedEmbedder();
    await buildIndex({ ...ws, embedder, hnsw });
    const reader = start(CHILD, ['read', ws.indexDir]);
    expect(await reader.shows('reading')).toBe(true);
    const parallel = 6;
    const written = async () => {
      const dirs = (await builds(ws.indexDir)).map((b) => path.join(`${ws.indexDir}.builds`, b, 'hnsw.bin'));
      return (await Promise.all(dirs.map((f) => stat(f).then(() => 1, () => 0)))).reduce<number>((a, b) => a + b, 0);
    };
    for (let burst = 0; burst < 3; burst++) {
      let open = () => undefined as void;
      state.gate = new Promise<void>((resolve) => (open = resolve));
      state.arrived = 0;
      // An embedder the live index was not built with: no vector can be reused, so every build stops at the gate.
      state.id = `gated-random-16-burst-${burst}`;
      const running = Array.from({ length: parallel }, () => buildIndex({ ...ws, embedder, hnsw }));
      await until(async () => state.arrived === parallel);
      // Holding the lock while they finish writing (hnsw.bin comes last) queues them all for it: then they publish back to back.
      const release = await lockIndex(ws.indexDir);
      const before = await written();
      open();
      await until(async () => (await written()) === before + parallel);
      await release();
      await Promise.all(running);
    }
    reader.process.stdin.end();
    expect(await reader.exited).toBe(0);
    const { loads, errors } = JSON.parse(reader.stdout().trim().split('\n').at(-1) ?? '') as { loads: number; errors: string[] };
    expect(errors).toEqual([]);
    expect(loads).toBeGreaterThan(20);
  }, 120_000);
});

describe('builds whose process died', () => {
  it('removes the folder of a build killed mid-way at the next build, without waiting', async () => {
    const ws = await scratchWorkspace();
    const builder = start(CHILD, ['build', ws.corpusDir, ws.indexDir, path.join(ws.root, 'never')]);
    expect(await builder.shows('embedding')).toBe(true);
    const [partial] = await builds(ws.indexDir);
    expect(partial).toBeDefined();
    builder.process.kill('SIGKILL');
    await builder.exited;

    const started = Date.now();
    const { manifest } = await buildIndex({ ...ws, embedder: new LocalEmbedder() });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await readManifest(ws.indexDir)).toEqual(manifest);
    const left = await builds(ws.indexDir);
    expect(left).toHaveLength(1);
    expect(left).not.toContain(partial);
  });

  it('takes over a lock left by a killed process once it is stale, and builds', async () => {
    const ws = await scratchWorkspace();
    const holder = start(CHILD, ['lock', ws.indexDir]);
    expect(await holder.shows('locked')).toBe(true);
    holder.process.kill('SIGKILL');
    await holder.exited;
    expect((await lstat(`${ws.indexDir}.lock`)).isDirectory()).toBe(true);

    const started = Date.now();
    await buildIndex({ ...ws, embedder: new LocalEmbedder() });
    // proper-lockfile calls a lock stale 10 s after its holder last refreshed it.
    expect(Date.now() - started).toBeLessThan(25_000);
    await expect(lstat(`${ws.indexDir}.lock`)).rejects.toThrow(/ENOENT/);
  });
});

describe('a build folder whose process id was reused', () => {
  it('is abandoned, not waited for: the live process with that pid started after the build did', async () => {
    const ws = await scratchWorkspace();
    const stale = path.join(`${ws.indexDir}.builds`, 'left-by-a-dead-process');
    await mkdir(stale, { recursive: true });
    // The parent process is alive on this host, but it is not the process that started this build.
    await writeFile(path.join(stale, 'owner.json'), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', processStart: '1' }));
    const { logger, lines } = memoryLogger();
    const started = Date.now();
    await openIndex({ ...ws, embedder: new LocalEmbedder(), logger });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(lines().some((l) => String(l.msg).includes('waiting for the build in progress'))).toBe(false);
    expect(await builds(ws.indexDir)).not.toContain('left-by-a-dead-process');
  });
});

describe('asking while another process builds', () => {
  it('waits for the running build instead of building the same index again', async () => {
    const ws = await scratchWorkspace();
    const gate = path.join(ws.root, 'gate');
    const builder = start(CHILD, ['build', ws.corpusDir, ws.indexDir, gate]);
    expect(await builder.shows('embedding')).toBe(true);

    const env = { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, MODELS_DIR: ws.modelsDir, LOG_LEVEL: 'info' };
    const ask = start('src/cli/ask.ts', ['--json', 'Chỉ thị 03-CT/TU ban hành ngày nào?'], env);
    // Let the build finish once `ask` waits for it (or has given up waiting and ended).
    await Promise.race([ask.shows('waiting for the build in progress'), ask.exited]);
    await writeFile(gate, '');
    expect(await builder.exited).toBe(0);
    expect(await ask.exited).toBe(0);

    expect(ask.stderr()).toContain(`waiting for the build in progress (pid ${builder.process.pid}`);
    expect(ask.stderr()).not.toContain('"msg":"index built"');
    expect(JSON.parse(ask.stdout()).answered).toBe(true);
    expect(await builds(ws.indexDir)).toHaveLength(1);
    expect((await readManifest(ws.indexDir))?.builtAt).toBe(builder.stdout().match(/built (\S+)/)?.[1]);
  });
});

describe('an INDEX_DIR that cannot be created', () => {
  it('makes reindex and ask fail at once, naming INDEX_DIR, the path and the reason', async () => {
    const ws = await scratchWorkspace();
    const env = { CORPUS_DIR: ws.corpusDir, INDEX_DIR: '/proc/x', MODELS_DIR: ws.modelsDir, LOG_LEVEL: 'error' };
    const started = Date.now();
    const [reindex, ask] = [start('src/cli/reindex.ts', [], env), start('src/cli/ask.ts', ['Chỉ thị 03-CT/TU?'], env)];
    expect(await reindex.exited).toBe(1);
    expect(await ask.exited).toBe(1);
    // Two processes starting on a busy machine: anything near this bound is a hang, not slowness.
    expect(Date.now() - started).toBeLessThan(20_000);
    const message = 'INDEX_DIR is /proc/x: cannot create /proc/x.builds (ENOENT: no such file or directory). Set INDEX_DIR to a writable folder.';
    expect(reindex.stderr()).toContain(`Reindex failed: ${message}`);
    expect(ask.stderr()).toContain(message);
  });
});
