// The SIP2 message format (3M Standard Interchange Protocol 2.00): a 2-digit code, fixed-length
// fields, then variable fields `XX<value>|`, optionally `AY<seq>AZ<checksum>`, ended by CR.
// Parsing is forgiving in the ways real servers need: variable fields in any order, repeated
// fields, empty fields, fields the spec does not name (kept aside, not dropped), a missing final
// `|`, and (only where the vendor quirk says so) a `|` inside a value.

/** Length of the fixed part after the 2-digit code, for the messages this client reads and writes. */
export const fixedLengths: Record<string, number> = {
  // Requests (the server double reads these too).
  '93': 2,
  '99': 8,
  '23': 21,
  '63': 31,
  '15': 19,
  '29': 38,
  '65': 18,
  '17': 18,
  '35': 18,
  '96': 0,
  '97': 0,
  // Replies.
  '94': 1,
  '98': 34,
  '24': 35,
  '64': 59,
  '16': 20,
  '30': 22,
  '66': 27,
  '18': 24,
  '36': 19,
};

/** The variable fields this client knows by name; anything else is a vendor or unnamed field. */
export const knownFieldIds = new Set([
  'AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AJ', 'AM', 'AN', 'AO', 'AP', 'AQ', 'AS', 'AT',
  'AU', 'AV', 'AY', 'AZ', 'BD', 'BE', 'BF', 'BG', 'BH', 'BK', 'BL', 'BM', 'BN', 'BO', 'BP', 'BQ',
  'BR', 'BS', 'BT', 'BU', 'BV', 'BW', 'BX', 'BY', 'BZ', 'CA', 'CB', 'CC', 'CD', 'CF', 'CG', 'CH',
  'CI', 'CJ', 'CK', 'CL', 'CM', 'CN', 'CO', 'CP', 'CQ',
]); // prettier-ignore

export interface Sip2Field {
  id: string;
  value: string;
}

export interface Sip2Message {
  code: string;
  /** The fixed-length part after the code, as sent. */
  fixed: string;
  /** Variable fields in the order they came (known ones only). */
  fields: Sip2Field[];
  /** Fields the spec does not name (PA, PB, XI, vendor Z? fields), kept for logs and quirks. */
  extra: Sip2Field[];
  /** From AY, when error detection is on. */
  sequence?: number;
  /** From AZ, when error detection is on. */
  checksum?: string;
}

export class Sip2FormatError extends Error {
  constructor(reason: string) {
    // Never the message text: it may carry a PIN or a card number.
    super(`not a valid SIP2 message: ${reason}`);
    this.name = 'Sip2FormatError';
  }
}

export interface ParseOptions {
  /** Vendor quirk: a `|` followed by something that is not a field id belongs to the value. */
  pipeInValues?: boolean;
}

/** The first value of a field ('' for an empty field, undefined when absent). */
export function field(message: Sip2Message, id: string): string | undefined {
  return message.fields.find((f) => f.id === id)?.value;
}

/** Every value of a repeatable field (AS, AU, AV, CD, BM, BN, ...), in order. */
export function fields(message: Sip2Message, id: string): string[] {
  return message.fields.filter((f) => f.id === id).map((f) => f.value);
}

const fieldIdPattern = /^[A-Z][A-Z0-9]$/;

/** Sum of the bytes, two's complement, 4 upper-case hex digits (what follows `AZ`). */
export function checksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum = (sum + byte) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Parses one message (without its CR). `text` is the decoded text; checksums are checked by the
 * connection on the raw bytes. Throws Sip2FormatError for anything that is not SIP2.
 */
export function parseMessage(text: string, options: ParseOptions = {}): Sip2Message {
  const line = text.replace(/^\n+/, '').replace(/[\r\n]+$/, '');
  if (!/^\d\d/.test(line)) throw new Sip2FormatError('no message code');
  const code = line.slice(0, 2);
  const fixedLength = fixedLengths[code];
  if (fixedLength === undefined) throw new Sip2FormatError(`unknown message code ${code}`);
  if (line.length < 2 + fixedLength) throw new Sip2FormatError(`short fixed part for ${code}`);
  const fixed = line.slice(2, 2 + fixedLength);
  let rest = line.slice(2 + fixedLength);

  const message: Sip2Message = { code, fixed, fields: [], extra: [] };
  // Error detection trailer: `AY<digit>AZ<4 hex>` at the very end (after the last `|`).
  const trailer = /(?:^|\|)AY(\d)AZ([0-9A-Fa-f]{4})$|(?:^|\|)AZ([0-9A-Fa-f]{4})$/.exec(rest);
  if (trailer) {
    if (trailer[1] !== undefined) message.sequence = Number(trailer[1]);
    message.checksum = (trailer[2] ?? trailer[3]).toUpperCase();
    rest = rest.slice(0, trailer.index + (trailer[0].startsWith('|') ? 1 : 0));
  }
  for (const item of splitFields(rest, options.pipeInValues === true)) {
    if (!fieldIdPattern.test(item.id)) throw new Sip2FormatError('malformed field id');
    (knownFieldIds.has(item.id) ? message.fields : message.extra).push(item);
  }
  return message;
}

function splitFields(rest: string, pipeInValues: boolean): Sip2Field[] {
  const parts = rest.split('|');
  // A final `|` leaves an empty last part; a missing final `|` leaves the last field in it.
  if (parts[parts.length - 1] === '') parts.pop();
  const result: Sip2Field[] = [];
  for (const part of parts) {
    const previous = result[result.length - 1];
    if (pipeInValues && previous && !looksLikeField(part)) {
      previous.value += `|${part}`;
      continue;
    }
    if (part.length < 2) throw new Sip2FormatError('field shorter than its id');
    result.push({ id: part.slice(0, 2), value: part.slice(2) });
  }
  return result;
}

function looksLikeField(part: string): boolean {
  return part.length >= 2 && knownFieldIds.has(part.slice(0, 2));
}

/** A message to send: code, fixed part and fields (values must not contain `|` or CR). */
export function formatMessage(code: string, fixed: string, fieldList: Sip2Field[]): string {
  const fixedLength = fixedLengths[code];
  if (fixedLength !== undefined && fixed.length !== fixedLength) {
    throw new Error(`SIP2 ${code}: fixed part must be ${fixedLength} characters`);
  }
  return `${code}${fixed}${fieldList.map((f) => `${f.id}${sanitize(f.value)}|`).join('')}`;
}

/** A value can never end a field or a message early. */
function sanitize(value: string): string {
  return value.replace(/[|\r\n]/g, ' ');
}

// ---- Dates ---------------------------------------------------------------------------------

/** A SIP2 date `YYYYMMDDZZZZHHMMSS`. `zone` is '' for local time (blanks or `0000`), 'Z' for UTC. */
export interface Sip2Date {
  date: string;
  time: string;
  zone: string;
}

export function parseSip2Date(text: string | undefined): Sip2Date | undefined {
  if (!text) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) {
    // Some servers send only the date part, or an ISO date in a due-date field.
    const dateOnly = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$/.exec(text.trim());
    return dateOnly
      ? { date: `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}`, time: '', zone: '' }
      : undefined;
  }
  const [, year, month, day, zoneText, hour, minute, second] = match;
  const zone = zoneText.trim();
  return {
    date: `${year}-${month}-${day}`,
    time: `${hour}:${minute}:${second}`,
    zone: zone === '' || zone === '0000' ? '' : zone === 'Z' || zone === 'UTC' ? 'Z' : zone,
  };
}

/** Local date and time as SIP2 sends them: `YYYYMMDD    HHMMSS`. */
export function formatSip2Date(parts: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}${two(parts.month)}${two(parts.day)}    ${two(parts.hour)}${two(parts.minute)}${two(parts.second)}`;
}
