import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Tracked files that run or configure the project; prose (Markdown) and the lock file are left out.
const CHECKED = /\.(ts|mts|cts|js|mjs|cjs|json|sh|ya?ml)$|^\.ci\/run$|^\.env\.example$/;
const SKIPPED = new Set(['package-lock.json']);

const RULES: Array<{ pattern: RegExp; reason: string }> = [
  // A module named by an absolute path or file URL only resolves on the machine that wrote it.
  { pattern: /\b(?:from|import)\s*\(?\s*['"`](?:\/|file:|[A-Za-z]:[\\/])/, reason: 'imports an absolute path' },
  { pattern: /\brequire\s*\(\s*['"`](?:\/|file:|[A-Za-z]:[\\/])/, reason: 'requires an absolute path' },
  // Home and workspace roots; deliberately invalid inputs such as /nonexistent or /proc/x stay allowed.
  { pattern: /(?<![\w.:/~-])\/(?:work|root|Users|home\/[\w.-]+|mnt|Volumes|private\/var)\//, reason: 'names a machine-specific directory' },
  { pattern: /(?<![\w])[A-Za-z]:\\{1,2}(?=[\w ])/, reason: 'names a Windows drive path' },
];

/** Every `file:line: reason` in `text` that ties the project to one machine. */
function machineSpecificLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const reasons = RULES.filter(({ pattern }) => pattern.test(line)).map(({ reason }) => reason);
    return reasons.length > 0 ? [`${file}:${i + 1}: ${reasons.join(', ')}: ${line.trim()}`] : [];
  });
}

describe('machineSpecificLines', () => {
  // Paths are assembled from parts so that this file does not flag itself in the repository scan.
  const root = (dir: string) => `/${dir}/`;

  it.each([
    [`import { loadCorpus } from '${root('work')}main/src/corpus/index.ts';`],
    [`const { x } = await import('${root('home')}alice/app/x.ts');`],
    [`const y = require('${root('Users')}bob/y.js');`],
    [`import z from '${'file'}://${root('srv')}z.js';`],
    [`const corpus = await loadCorpus('${root('work')}main/corpus');`],
    [`const home = '${root('home')}carol/project';`],
    [`const mac = "${root('Users')}dave/Desktop";`],
    [`cd ${root('root')}app && npm test`],
    [`const win = 'C:${'\\'}Users${'\\'}erin${'\\'}corpus';`],
  ])('flags %s', (line) => {
    expect(machineSpecificLines('x.ts', `// first line\n${line}\n`)).toEqual([expect.stringMatching(/^x\.ts:2: /)]);
  });

  it.each([
    [`loadConfig(env, '/nonexistent/.env');`],
    [`await readFile('/proc/self/status');`],
    [`import { z } from 'zod';`],
    [`import { x } from '../src/corpus/index.ts';`],
    [`#!/usr/bin/env bash`],
    [`const url = 'https://example.org/home/user/page';`],
    [`throw new Error(\`failed:\\n\${run.stderr}\`);`],
    [`const re = /^\\d{4}-\\d{2}$/;`],
  ])('allows %s', (line) => {
    expect(machineSpecificLines('x.ts', line)).toEqual([]);
  });
});

describe('the repository', () => {
  it('imports nothing by absolute path and names no machine-specific directory', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
      .split('\0')
      // A tracked file deleted in the working tree has nothing left to check.
      .filter((f) => CHECKED.test(f) && !SKIPPED.has(f) && existsSync(f));
    expect(files).toContain('src/config.ts');
    const offending = files.flatMap((file) => machineSpecificLines(file, readFileSync(file, 'utf8')));
    // The message lists file:line for each offence, so the fix is one click away.
    expect(offending, offending.join('\n')).toEqual([]);
  });
});
