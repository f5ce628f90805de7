// Spanish wording rules every Spanish catalog section shares.
import type { DateTime } from 'luxon';

/** "9:00 a. m.", "12:30 p. m." */
export function clockTime(at: DateTime): string {
  return `${at.hour % 12 || 12}:${String(at.minute).padStart(2, '0')} ${at.hour < 12 ? 'a. m.' : 'p. m.'}`;
}

/** A sentence's closing period, once: a time already ends in "a. m." / "p. m.". */
export function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
