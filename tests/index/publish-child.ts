/**
 * A second process for the publishing tests, so readers, builds and lock holders really run apart:
 *   read <indexDir>                     loads the index in four loops at once until stdin closes, then prints {"loads","errors"}
 *   build <corpusDir> <indexDir> <gate> builds; embedding waits until the file <gate> exists (prints "embedding")
 *   lock <indexDir>                     takes the index lock, prints "locked" and holds it until killed
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIndex, loadIndex, LocalEmbedder, lockIndex } from '../../src/index/index.ts';

const [mode, ...args] = process.argv.slice(2);

if (mode === 'read') {
  const [indexDir] = args as [string];
  let open = true;
  process.stdin.on('end', () => (open = false)).resume();
  let loads = 0;
  const errors: string[] = [];
  console.log('reading');
  // Several loads at once, each interleaved with the others, like a busy replica.
  const loop = async () => {
    while (open) {
      await loadIndex(indexDir).then(
        () => loads++,
        (error: Error) => errors.push(error.message),
      );
      // Lets the stdin 'end' event through between loads.
      await sleep(0);
    }
  };
  await Promise.all([loop(), loop(), loop(), loop()]);
  console.log(JSON.stringify({ loads, errors }));
} else if (mode === 'build') {
  const [corpusDir, indexDir, gate] = args as [string, string, string];
  const local = new LocalEmbedder();
  let announced = false;
  // The same id as the local embedder, so other processes find this build fresh; it only waits for the gate.
  const embedder = {
    id: local.id,
    dimensions: local.dimensions,
    embedQuery: (text: string) => local.embedQuery(text),
    async embedPassages(texts: string[]) {
      if (!announced) console.log('embedding');
      announced = true;
      while (!existsSync(gate)) await sleep(20);
      return local.embedPassages(texts);
    },
  };
  const { manifest } = await buildIndex({ corpusDir, indexDir, embedder });
  console.log(`built ${manifest.builtAt}`);
} else if (mode === 'lock') {
  const [indexDir] = args as [string];
  await lockIndex(indexDir);
  console.log('locked');
  setInterval(() => undefined, 60_000);
} else {
  console.error(`unknown mode ${mode}`);
  process.exitCode = 2;
}
