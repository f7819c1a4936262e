import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stderr, so stdout stays free for answers and `--json` output. Every secret given
 * (the bot token) is replaced in each line before it is written, wherever it appears.
 */
export function createLogger(level: string, secrets: string[] = [], destination: pino.DestinationStream = pino.destination(2)): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const stream = hidden.length
    ? { write: (line: string) => destination.write(hidden.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), line)) }
    : destination;
  return pino({ level, base: undefined }, stream);
}
