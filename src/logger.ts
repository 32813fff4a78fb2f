import pino from 'pino';

/** Structured JSON logs on stdout (pino). LOG_LEVEL: fatal, error, warn, info, debug, trace, silent. */
export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'msl-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
