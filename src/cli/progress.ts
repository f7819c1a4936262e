import cliProgress from 'cli-progress';
import type { ModelProgress } from '../index/index.ts';

/** A progress callback that draws a bar on an interactive stderr and stays silent otherwise (CI, pipes). */
export function progressBar(label: string): { update: (done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} passages`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** One bar per file being fetched, in megabytes; on a non-interactive stderr, one line per finished file. */
export function downloadBars(): { update: (event: ModelProgress) => void; stop: () => void } {
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  if (!process.stderr.isTTY) {
    return {
      update: (e) => {
        if (e.status === 'done' && e.file) process.stderr.write(`fetched ${e.file}\n`);
      },
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    { format: '{file} [{bar}] {percentage}% {done}/{size} MB', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byFile = new Map<string, cliProgress.SingleBar>();
  return {
    update(e) {
      if (e.status !== 'progress' || !e.file || !e.total) return;
      const payload = { file: e.file.padEnd(26), done: mb(e.loaded ?? 0), size: mb(e.total) };
      const bar = byFile.get(e.file) ?? bars.create(e.total, 0, payload);
      byFile.set(e.file, bar);
      bar.update(e.loaded ?? 0, payload);
    },
    stop: () => bars.stop(),
  };
}
