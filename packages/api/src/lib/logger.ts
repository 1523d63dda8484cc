import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; secrets and tokens are redacted wherever they appear in a logged object. */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { service: 'siyu-api' },
    redact: {
      paths: ['*.authorization', '*.password', '*.token', '*.sessionKey', '*.session_key', '*.secret', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
