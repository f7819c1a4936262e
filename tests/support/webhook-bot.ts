import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';

export interface WebhookBot {
  proc: ChildProcess;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
}

/**
 * The bot (`src/cli/start.ts`) in webhook mode on a free port of 127.0.0.1, with the parent's
 * environment (less its token) and `env`; resolves once `/readyz` says it answers.
 */
export async function startWebhookBot(env: Record<string, string>, secret: string, readyWithinMs = 60_000): Promise<WebhookBot> {
  const port = await freePort();
  const { TELEGRAM_BOT_TOKEN: _token, ...parent } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    env: { ...parent, WEBHOOK_URL: 'https://bot.example.org/telegram', WEBHOOK_SECRET: secret, PORT: String(port), ...env },
  });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d));
  proc.stderr?.on('data', (d: Buffer) => (output += d));
  const bot = { proc, port, output: () => output };
  const deadline = Date.now() + readyWithinMs;
  while ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status !== 200) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill('SIGKILL');
      throw new Error(`the bot never got ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return bot;
}
