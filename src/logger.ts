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

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };

/**
 * For the command-line tools, which people read: one short plain line per message on stderr
 * ("warning: …"; info lines bare), with the fields left to the service's JSON logs.
 */
export function createCliLogger(level: string, destination: { write(line: string): unknown } = process.stderr): Logger {
  const stream = {
    write(line: string) {
      const { level: n, msg } = JSON.parse(line) as { level: number; msg?: string };
      destination.write(`${n === 30 ? '' : `${LEVEL_NAMES[n] ?? 'log'}: `}${msg ?? ''}\n`);
    },
  };
  return pino({ level, base: undefined }, stream);
}
