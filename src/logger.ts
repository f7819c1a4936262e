import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stderr, so stdout stays free for answers and `--json` output. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: undefined, redact: { paths: ['token', '*.token', 'config.token'], censor: '[redacted]' } }, destination);
}
