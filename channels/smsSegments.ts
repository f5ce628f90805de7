// How many SMS segments a text costs. A text written only in the GSM 03.38 alphabet goes as GSM-7:
// 160 characters in one segment, 153 per segment when concatenated, the extension characters
// (€ [ ] { } ^ ~ | \ and the form feed) counting twice. Any other character (á, í, ó, ú, ¿, an emoji)
// sends the whole text as UCS-2: 70 UTF-16 units in one segment, 67 when concatenated. ñ, Ñ, é, ¡ and
// ¿... are GSM; á, í, ó, ú are not, so most Spanish replies are UCS-2.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCost {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!BASIC.has(char) && !EXTENDED.has(char)) return 'UCS-2';
  return 'GSM-7';
}

export function smsCost(text: string): SmsCost {
  const encoding = smsEncoding(text);
  if (encoding === 'UCS-2') {
    const units = text.length;
    return { encoding, units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
  }
  let units = 0;
  for (const char of text) units += EXTENDED.has(char) ? 2 : 1;
  return { encoding, units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}

/** Segments of a text (see smsCost). */
export function smsSegments(text: string): number {
  return smsCost(text).segments;
}
