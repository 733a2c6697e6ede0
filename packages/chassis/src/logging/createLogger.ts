import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Written on every line as `service`. */
  service: string;
  level?: string;
}

/** JSON logs on stdout, one line per event, each naming the service that wrote it. */
export function createLogger({ service, level = 'info' }: LoggerOptions): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
