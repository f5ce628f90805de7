// The staff workspace's two cookies. The session (who signed in, until when) is signed with HMAC;
// the pending Entra ID sign-in (state, PKCE verifier, nonce) is sealed with AES-GCM, because the
// verifier must stay secret from the browser that carries it. Both keys come from one secret shared
// by every instance (STAFF_SESSION_SECRET; a random one per process in local mode), so a sign-in
// started on one instance finishes on another and a session works on all of them.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { StaffMember } from '../library/handoff';
import type { PendingStaffSignIn } from '../library/handoff/staffSignIn';

export const SESSION_COOKIE = 'staff_session';
export const SIGN_IN_COOKIE = 'staff_sign_in';

/** A working day: staff sign in again the next morning. */
export const SESSION_HOURS = 12;
const SIGN_IN_MINUTES = 10;

export interface StaffSession {
  member: StaffMember;
  /** How they signed in, for the logs. */
  via: 'passcode' | 'entra';
  expires: Date;
}

interface SessionBody {
  id: string;
  name: string;
  via: StaffSession['via'];
  exp: number;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function key(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'library-help-bot', purpose, 32));
}

export class StaffCookies {
  private readonly macKey: Buffer;
  private readonly sealKey: Buffer;

  /** `secure` when the bot is served over https (production): the cookies never travel in clear text. */
  constructor(
    secret: string,
    private readonly secure: boolean,
  ) {
    this.macKey = key(secret, 'staff-session-mac');
    this.sealKey = key(secret, 'staff-sign-in-seal');
  }

  private attributes(sameSite: 'Strict' | 'Lax', maxAgeSeconds: number): string {
    return `Path=/staff; HttpOnly; SameSite=${sameSite}; Max-Age=${maxAgeSeconds}${this.secure ? '; Secure' : ''}`;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.macKey).update(body).digest('base64url');
  }

  /** Set-Cookie for a new session. */
  session(
    member: StaffMember,
    via: StaffSession['via'],
    now: Date,
  ): { cookie: string; session: StaffSession } {
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const body: SessionBody = { id: member.id, name: member.name, via, exp: expires.getTime() };
    const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
    return {
      cookie: `${SESSION_COOKIE}=${encoded}.${this.mac(encoded)}; ${this.attributes('Strict', SESSION_HOURS * 3600)}`,
      session: { member, via, expires },
    };
  }

  /** The session a request carries, if its signature is ours and it has not expired. */
  readSession(cookieHeader: string | undefined, now: Date): StaffSession | undefined {
    const [encoded, signature] = (cookieValue(cookieHeader, SESSION_COOKIE) ?? '').split('.');
    if (!encoded || !signature) return undefined;
    const expected = Buffer.from(this.mac(encoded));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as SessionBody;
    if (!(body.exp > now.getTime())) return undefined;
    return {
      member: { id: body.id, name: body.name, channel: 'console' },
      via: body.via,
      expires: new Date(body.exp),
    };
  }

  clearSession(): string {
    return `${SESSION_COOKIE}=; ${this.attributes('Strict', 0)}`;
  }

  /**
   * Set-Cookie for a pending Entra ID sign-in. SameSite=Lax: it must come back on the identity
   * provider's redirect, a top-level navigation from another site.
   */
  pendingSignIn(pending: PendingStaffSignIn, now: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const plain = JSON.stringify({ ...pending, exp: now.getTime() + SIGN_IN_MINUTES * 60_000 });
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    return `${SIGN_IN_COOKIE}=${value}; ${this.attributes('Lax', SIGN_IN_MINUTES * 60)}`;
  }

  readPendingSignIn(cookieHeader: string | undefined, now: Date): PendingStaffSignIn | undefined {
    const raw = Buffer.from(cookieValue(cookieHeader, SIGN_IN_COOKIE) ?? '', 'base64url');
    if (raw.length < 29) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { exp, state, verifier, nonce } = JSON.parse(plain) as PendingStaffSignIn & { exp: number };
      return exp > now.getTime() ? { state, verifier, nonce } : undefined;
    } catch {
      return undefined; // tampered with, or sealed with another key
    }
  }

  clearPendingSignIn(): string {
    return `${SIGN_IN_COOKIE}=; ${this.attributes('Lax', 0)}`;
  }
}
