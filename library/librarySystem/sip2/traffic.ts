// Raw SIP2 traffic for troubleshooting, through an injected logger (never the console), with the
// secrets and personal data masked first: PINs and passwords (AD, CO, AC) entirely, the card number
// (AA) down to its last four digits, and the patron's name and contact details.
import { fixedLengths } from './message';

/** What the connector logs through; a pino logger fits. */
export interface Sip2Logger {
  debug?(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const secretFields = new Set(['AD', 'CO', 'AC']);
const personalFields = new Set(['AE', 'BD', 'BE', 'BF', 'PB']);

function maskCard(value: string): string {
  return value.length <= 4 ? '****' : `****${value.slice(-4)}`;
}

/** The message with secrets and personal data masked; unparseable text is never logged as is. */
export function maskSip2(text: string): string {
  const line = text.replace(/[\r\n]+/g, '');
  const fixedLength = fixedLengths[line.slice(0, 2)];
  if (!/^\d\d/.test(line) || fixedLength === undefined || line.length < 2 + fixedLength) {
    return `<${line.length} characters that are not a SIP2 message>`;
  }
  const head = line.slice(0, 2 + fixedLength);
  const masked = line
    .slice(2 + fixedLength)
    .split('|')
    .map((part) => {
      const id = part.slice(0, 2);
      const value = part.slice(2);
      if (secretFields.has(id)) return `${id}${value ? '***' : ''}`;
      if (personalFields.has(id)) return `${id}${value ? '***' : ''}`;
      if (id === 'AA') return `${id}${maskCard(value)}`;
      // Anything that is not a field id at all (a `|` inside a value) is dropped, not guessed at.
      return /^[A-Z][A-Z0-9]/.test(part) || part === '' ? part : '…';
    });
  return head + masked.join('|');
}

export function logTraffic(
  logger: Sip2Logger | undefined,
  direction: 'sent' | 'received',
  text: string,
): void {
  logger?.debug?.({ sip2: direction, message: maskSip2(text) }, `SIP2 ${direction}`);
}
