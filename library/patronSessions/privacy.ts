// Card numbers are identifiers covered by library-records confidentiality: show only the last four
// digits, and use a keyed hash wherever a stable key is needed (throttling, logs).
import { createHmac } from 'node:crypto';

/** Digits and letters only, as the library system compares them. */
export function normalizeCardNumber(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '').toUpperCase();
}

/** "****0001": safe to show to the patron or staff, plain ASCII so an SMS stays GSM-7. */
export function maskCardNumber(cardNumber: string): string {
  const normalized = normalizeCardNumber(cardNumber);
  return `****${normalized.slice(-4)}`;
}

/** A stable, non-reversible key for a card number (HMAC-SHA256 with a server secret). */
export function cardKey(cardNumber: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(normalizeCardNumber(cardNumber)).digest('hex').slice(0, 32);
}

/**
 * Does this look like a library card number (what a patron types when asked for one)? Barcodes are
 * mostly digits (some with a letter prefix) and longer than a PIN, so a PIN typed again at the
 * card question ("2468", "Kx7canary93") is not taken for one.
 */
export function looksLikeCardNumber(text: string): boolean {
  const normalized = normalizeCardNumber(text.trim());
  return /^[0-9A-Za-z]{7,20}$/.test(normalized) && (normalized.match(/\d/g) ?? []).length >= 6;
}

/**
 * Masks anything in free text that looks like a card number (runs of 10 or more digits, spaces
 * and dashes allowed), for text that goes to logs, transcripts or staff.
 */
export function maskCardNumbersIn(text: string): string {
  return text.replace(/\d(?:[\s-]?\d){9,}/g, (match) => maskCardNumber(match));
}
