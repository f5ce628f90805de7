// Structured logs with a redaction pass before anything is written: no PIN, full card number,
// token or secret ever reaches a log line, whichever field or message it hides in.
import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';
import { maskSensitiveText } from '../library/privacy';

export type { Logger } from 'pino';

/** Field names whose values are never logged. */
export const REDACTED_FIELDS = [
  'pin',
  'password',
  'passcode',
  'secret',
  'token',
  'authorization',
  'cardNumber',
  'card',
  'appPassword',
  'directLineSecret',
  'staffPasscode',
  'staffEntraClientSecret',
  'staffSessionSecret',
  'clientSecret',
  'patronKeySecret',
  'cookie',
];

const redactedFieldSet = new Set(REDACTED_FIELDS.map((field) => field.toLowerCase()));

const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Card numbers (contiguous, spaced or dashed) to their last four digits, PINs and bearer tokens out. */
export function scrubText(text: string): string {
  return maskSensitiveText(text).replace(BEARER, '$1[redacted]');
}

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubText(value.message),
      stack: value.stack && scrubText(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    clean[key] = redactedFieldSet.has(key.toLowerCase()) ? '[redacted]' : scrub(inner, depth + 1);
  }
  return clean;
}

export interface LoggerOptions {
  level: string;
  format: 'pretty' | 'json';
  /** Where lines go; stdout by default. Tests pass a stream to search what was written. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    base: undefined,
    messageKey: 'msg',
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        // Scrub the message text too: it may interpolate values.
        method.apply(this, args.map((arg) => scrub(arg)) as Parameters<typeof method>);
      },
    },
    serializers: { err: (error: unknown) => scrub(error) },
  };
  if (options.format === 'pretty') {
    const stream = pretty({
      colorize: !options.destination && process.stdout.isTTY,
      translateTime: 'HH:MM:ss',
      ignore: 'pid,hostname',
      sync: true,
      destination: options.destination ?? 1,
    });
    return pino(base, stream);
  }
  return pino(base, options.destination ?? pino.destination({ sync: true }));
}

/**
 * A child logger made when something first logs: most turns and requests log nothing, and making one
 * each time cost as much as the rest of the middleware that made it.
 */
export function lazyChild(logger: Logger, bindings: () => Record<string, unknown>): () => Logger {
  let child: Logger | undefined;
  return () => (child ??= logger.child(bindings()));
}

/** Where a turn's logger lives in TurnContext.turnState (set by the adapter middleware), as its maker. */
export const TURN_LOGGER_KEY = Symbol('turnLogger');

/** The logger for the current turn, carrying its conversation id; the given fallback otherwise. */
export function turnLogger(turnState: Map<unknown, unknown>, fallback: Logger): Logger {
  const forTurn = turnState.get(TURN_LOGGER_KEY) as (() => Logger) | undefined;
  return forTurn?.() ?? fallback;
}
