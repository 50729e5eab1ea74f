import { pino, type Logger } from 'pino';

/** Structured JSON logs. Secrets are redacted wherever they might appear. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { app: 'docker-coach' },
    redact: { paths: ['token', '*.token', 'discordToken', '*.discordToken', 'headers.authorization', '*.apiKey'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
