// Library card numbers are identifiers covered by library-records confidentiality: show only the last
// four digits, and use a keyed hash wherever a stable key is needed (throttling, logs, audit).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

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
 * A card number sealed (AES-256-GCM, key derived from the server secret) for the few minutes between
 * the card-number turn and the PIN turn, which another bot instance may answer: shared storage then
 * holds no readable card number. `boundTo` (the conversation) must match when it is opened, so a
 * sealed card cannot be moved to another conversation.
 */
export function sealCardNumber(cardNumber: string, secret: string | Buffer, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const sealed = Buffer.concat([cipher.update(normalizeCardNumber(cardNumber), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The card number sealed by sealCardNumber, or undefined when it was altered or bound elsewhere. */
export function openSealedCardNumber(
  sealed: string,
  secret: string | Buffer,
  boundTo: string,
): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function sealingKey(secret: string | Buffer): Buffer {
  return createHmac('sha256', secret).update('library-bot: pending card number').digest();
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
