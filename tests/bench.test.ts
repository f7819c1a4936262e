import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

describe('npm run bench -- --json', () => {
  it('prints one JSON object with the machine, the command and one result per size and embedder', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--sizes', '300', '--json'], {
      encoding: 'utf8',
      // An empty models folder: only the local embedder is available, as on a fresh clone.
      env: { ...process.env, MODELS_DIR: await tempDir() },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ machine: expect.stringContaining('Node v'), command: 'npm run bench -- --sizes 300', reindexUnchangedMs: expect.any(Number) });
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    expect(result).toMatchObject({ passages: 300, embedder: 'local-hash-v1-512' });
    for (const key of ['buildPassagesPerSec', 'retrievalP50Ms', 'retrievalP95Ms', 'answerP50Ms', 'answerP95Ms', 'exactP95Ms', 'minisearchP95Ms', 'loadMs', 'peakRssMb', 'diskBytesPerPassage', 'republishOneFileMs']) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    // The published build holds the only copy of its vectors: nothing is cached beside it.
    expect(result.cacheBytesPerPassage).toBe(0);
    expect(result.answerP95Ms).toBeGreaterThanOrEqual(result.retrievalP95Ms);
    expect(result.recallAt10).toBeGreaterThan(0.9);
    expect(result.recallAt10).toBeLessThanOrEqual(1);
  });

  it('measures real legal text with --corpus: the files imported as the legal importer does, questions from their articles', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--corpus', 'tests/fixtures/legal', '--sizes', 'all', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, MODELS_DIR: await tempDir() },
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.command).toBe('npm run bench -- --sizes all --corpus tests/fixtures/legal');
    const [result] = report.results;
    expect(result.passages).toBeGreaterThan(50);
    // The fixture folder holds an index page of the Code without any article.
    expect(result.skippedFiles).toBeGreaterThanOrEqual(1);
    expect(result.diskBytesPerPassage).toBeGreaterThan(0);
    expect(result.recallAt10).toBeGreaterThan(0.9);
  });
});
