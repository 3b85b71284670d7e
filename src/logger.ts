// The process logger: JSON lines via pino, with every known secret-bearing path redacted.
import { pino, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers["x-civi-auth"]',
  '*.headers["osdi-api-token"]',
  'apiKey',
  '*.apiKey',
  'accessKey',
  '*.accessKey',
  'token',
  '*.token',
  'sessionName',
  '*.sessionName',
  'password',
  '*.password',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'contact-gateway' } }, destination);
}
