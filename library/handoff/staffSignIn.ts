// Staff sign-in to the workspace with Microsoft Entra ID: the OAuth 2.0 authorization code flow with
// PKCE through @azure/msal-node. Only people from the configured tenant who are members of the staff
// group (asked of Microsoft Graph, nested groups included) get in. The pending sign-in (state, PKCE
// verifier, nonce) is handed back to the caller to keep in the browser's sealed cookie, so the
// redirect back may land on any instance of the bot.
import { ConfidentialClientApplication, CryptoProvider, type INetworkModule } from '@azure/msal-node';
import { randomBytes } from 'node:crypto';
import { displayName } from './consoleSessions';
import type { StaffGroupMembership } from './entraGroup';
import type { StaffMember } from './types';

export interface StaffSignInOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/<tenantId> unless another cloud (or a test) is configured. */
  authority: string;
  /** PUBLIC_URL + /staff/signed-in; registered as a Web redirect URI on the app. */
  redirectUrl: string;
  staffGroup: StaffGroupMembership;
  /** For identity providers msal-node does not know (tests, sovereign clouds): hosts to trust. */
  knownAuthorities?: string[];
  /** A network client (tests pass one that trusts a loopback test certificate). */
  networkClient?: INetworkModule;
}

/** What must come back with the browser for the sign-in to finish; secret from everyone but the server. */
export interface PendingStaffSignIn {
  state: string;
  verifier: string;
  nonce: string;
}

export type StaffSignInResult =
  | { ok: true; member: StaffMember }
  | {
      ok: false;
      /** 'state': not the sign-in this browser started; 'not-staff': another tenant, or not in the group. */
      reason: 'state' | 'denied' | 'failed' | 'not-staff';
    };

const scopes = ['openid', 'profile'];

/** The name patrons see: the given name, or the first word of the display name. */
function firstName(claims: Record<string, unknown>): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const name = typeof claims.name === 'string' ? claims.name : '';
  return displayName(given || name.split(/\s+/)[0] || 'Staff');
}

export class StaffSignIn {
  private readonly client: ConfidentialClientApplication;
  private readonly crypto = new CryptoProvider();

  constructor(private readonly options: StaffSignInOptions) {
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        authority: options.authority,
        clientSecret: options.clientSecret,
        ...(options.knownAuthorities ? { knownAuthorities: options.knownAuthorities } : {}),
      },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
    });
  }

  /** Whether a signed-in staff member is still in the staff group (asked again for each new window). */
  isStaff(objectId: string): Promise<boolean> {
    return this.options.staffGroup.isMember(objectId);
  }

  /** Where to send the browser, and what it must bring back. */
  async begin(): Promise<{ url: string; pending: PendingStaffSignIn }> {
    const { verifier, challenge } = await this.crypto.generatePkceCodes();
    const state = randomBytes(24).toString('base64url');
    const url = await this.client.getAuthCodeUrl({
      scopes,
      redirectUri: this.options.redirectUrl,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state,
      nonce: randomBytes(24).toString('base64url'),
      responseMode: 'query',
      prompt: 'select_account',
    });
    // Keep the nonce exactly as sent (msal-node may put its own in the address).
    const nonce = new URL(url).searchParams.get('nonce') ?? '';
    return { url, pending: { state, verifier, nonce } };
  }

  /** The redirect back (its query) with the pending sign-in the browser brought along. */
  async complete(
    query: Record<string, string | undefined>,
    pending: PendingStaffSignIn | undefined,
  ): Promise<StaffSignInResult> {
    if (!pending || !query.state || query.state !== pending.state) return { ok: false, reason: 'state' };
    if (query.error || !query.code) return { ok: false, reason: 'denied' };
    let claims: Record<string, unknown>;
    try {
      // msal-node checks the ID token's signature, audience, issuer and nonce.
      const result = await this.client.acquireTokenByCode(
        {
          code: query.code,
          scopes,
          redirectUri: this.options.redirectUrl,
          codeVerifier: pending.verifier,
          state: pending.state,
          nonce: pending.nonce,
        },
        { code: query.code, state: pending.state, nonce: pending.nonce },
      );
      claims = (result.idTokenClaims ?? {}) as Record<string, unknown>;
    } catch {
      return { ok: false, reason: 'failed' };
    }
    if (claims.nonce !== pending.nonce) return { ok: false, reason: 'failed' };
    const oid = typeof claims.oid === 'string' ? claims.oid : '';
    // The tenant is checked here too: an authority such as /organizations would accept any tenant.
    if (claims.tid !== this.options.tenantId || !oid) return { ok: false, reason: 'not-staff' };
    if (!(await this.options.staffGroup.isMember(oid))) return { ok: false, reason: 'not-staff' };
    return { ok: true, member: { id: oid, name: firstName(claims), channel: 'console' } };
  }
}
