// Library card numbers are identifiers covered by library-records confidentiality: show only the last
// four digits, and use a keyed hash wherever a stable key is needed (throttling, logs, audit).
import { createHmac } from 'node:crypto';

/** Digits and letters only, as the library system compares them ("2100 0000 0000 01" -> "21000000000001"). */
export function normalizeCardNumber(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '').toUpperCase();
}

/** "****0001": safe to show to the patron or staff, plain ASCII so an SMS stays GSM-7. */
export function maskCardNumber(cardNumber: string): string {
  return `****${normalizeCardNumber(cardNumber).slice(-4)}`;
}

/** A stable, non-reversible key (HMAC-SHA256 with a server secret), 32 hex characters. */
export function keyedHash(value: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(value).digest('hex').slice(0, 32);
}

/** The keyed hash of a card number, however it was typed. */
export function cardKey(cardNumber: string, secret: string | Buffer): string {
  return keyedHash(normalizeCardNumber(cardNumber), secret);
}

/**
 * Does this whole answer look like a library card number? Barcodes are mostly digits (some with a
 * letter prefix) and longer than a PIN, so a PIN typed again at the card question ("2468",
 * "Kx7canary93") is not taken for one.
 */
export function looksLikeCardNumber(text: string): boolean {
  const normalized = normalizeCardNumber(text.trim());
  return /^[0-9A-Za-z]{7,20}$/.test(normalized) && (normalized.match(/\d/g) ?? []).length >= 6;
}
