import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Written on every line as `service`. */
  service: string;
  level?: string | undefined;
}

/** JSON logs on stdout, one line per event, each naming the service that wrote it. */
export function createLogger({ service, level }: LoggerOptions): Logger {
  return pino({
    level: level ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
