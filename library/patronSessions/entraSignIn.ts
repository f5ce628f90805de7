// Patron sign-in through the library's Microsoft Entra ID (universities): OAuth 2.0 authorization
// code flow with PKCE via @azure/msal-node. `state` is a one-time random value bound on the server to
// the conversation that asked, with a nonce checked in the ID token, so a sign-in started in one
// conversation can only ever complete into that conversation. The ILS patron is found from a
// configured token claim (the card number or patron id the university provisions). A started sign-in
// is kept in the shared storage, so the identity provider's redirect may reach any instance, and is
// used once: the first instance to mark it used (an eTag-guarded write) completes it.
import { AuthorizationCodeFlow, type EntraAppSettings } from '../entra/authorizationCodeFlow';
import { PatronNotVerifiedError } from '../librarySystem/errors';
import type { LibrarySystem, PatronProfile } from '../librarySystem/librarySystem';
import { type DocumentStorage, readOne, updateDocument } from '../storage/optimistic';
import { type PatronSession, type PatronSessions, signInKeys } from './patronSessions';

/** config.patronSignIn.entra; the client secret is read by index.ts from the variable it names. */
export interface EntraSignInOptions extends EntraAppSettings {
  patronClaim: string;
  librarySystem: LibrarySystem;
  sessions: PatronSessions;
  /** The bot's state storage, shared by every instance. */
  storage: DocumentStorage;
  /** How long a started sign-in may take (default 10 minutes). */
  pendingMs?: number;
  now?: () => number;
}

export type EntraCompletion =
  | { ok: true; conversationKey: string; session: PatronSession; profile: PatronProfile }
  | {
      ok: false;
      /** 'unknown-state': never started, already used or expired; 'no-patron': no ILS patron for the claim. */
      reason: 'unknown-state' | 'denied' | 'no-patron' | 'failed';
      conversationKey?: string;
    };

interface PendingSignIn {
  conversationKey: string;
  verifier: string;
  nonce: string;
  at: number;
  /** Set by the instance that completes it: a second redirect with the same state is refused. */
  used?: boolean;
}

export class EntraSignIn {
  private readonly flow: AuthorizationCodeFlow;
  private readonly now: () => number;
  private readonly pendingMs: number;

  constructor(private readonly options: EntraSignInOptions) {
    this.now = options.now ?? (() => Date.now());
    this.pendingMs = options.pendingMs ?? 10 * 60_000;
    this.flow = new AuthorizationCodeFlow(options);
  }

  /** The address to send the patron to, for this conversation. */
  async begin(conversationKey: string): Promise<{ url: string }> {
    const { url, pending: started } = await this.flow.start();
    const { state, verifier, nonce } = started;
    const pending: PendingSignIn = { conversationKey, verifier, nonce, at: this.now() };
    await this.options.storage.write({ [signInKeys.entra(state)]: { ...pending } });
    await this.options.sessions.track([signInKeys.entra(state)]);
    return { url };
  }

  /**
   * Handles the redirect back from the identity provider (its query parameters). The state decides
   * the conversation; it works once.
   */
  async complete(query: Record<string, string | undefined>): Promise<EntraCompletion> {
    const state = query.state ?? '';
    const pending = state ? await this.take(state) : undefined;
    if (!pending) return { ok: false, reason: 'unknown-state' };
    const conversationKey = pending.conversationKey;
    if (query.error || !query.code) return { ok: false, reason: 'denied', conversationKey };
    let claims: Record<string, unknown>;
    try {
      claims = await this.flow.redeem(query.code, {
        state,
        verifier: pending.verifier,
        nonce: pending.nonce,
      });
    } catch {
      return { ok: false, reason: 'failed', conversationKey };
    }
    if (claims.nonce !== pending.nonce) return { ok: false, reason: 'failed', conversationKey };
    const identifier = claims[this.options.patronClaim];
    if (typeof identifier !== 'string' || identifier.length === 0) {
      return { ok: false, reason: 'no-patron', conversationKey };
    }
    let profile: PatronProfile;
    try {
      profile = await this.options.librarySystem.lookupPatron(identifier);
    } catch (error) {
      if (error instanceof PatronNotVerifiedError) return { ok: false, reason: 'no-patron', conversationKey };
      throw error;
    }
    const session = await this.options.sessions.bindVerifiedPatron(conversationKey, profile);
    return { ok: true, conversationKey, session, profile };
  }

  /** The started sign-in for this state, once: marked used, then deleted. */
  private async take(state: string): Promise<PendingSignIn | undefined> {
    const key = signInKeys.entra(state);
    if (!(await readOne<PendingSignIn>(this.options.storage, key))) return undefined;
    const taken = await updateDocument<PendingSignIn, PendingSignIn | undefined>(
      this.options.storage,
      key,
      (current) =>
        current && !current.used
          ? { next: { ...current, used: true }, result: current }
          : { result: undefined },
    );
    await this.options.storage.delete([key]);
    return taken && this.now() - taken.at <= this.pendingMs ? taken : undefined;
  }
}
