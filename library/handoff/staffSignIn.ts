// Staff sign-in to the workspace with Microsoft Entra ID: the OAuth 2.0 authorization code flow with
// PKCE through @azure/msal-node. Only people from the configured tenant who are members of the staff
// group (asked of Microsoft Graph, nested groups included) get in. The pending sign-in (state, PKCE
// verifier, nonce) is handed back to the caller to keep in the browser's sealed cookie, so the
// redirect back may land on any instance of the bot.
import {
  AuthorizationCodeFlow,
  type EntraAppSettings,
  type PendingAuthorization,
} from '../entra/authorizationCodeFlow';
import { displayName } from './consoleSessions';
import type { StaffGroupMembership } from './entraGroup';
import type { StaffMember } from './types';

export interface StaffSignInOptions extends EntraAppSettings {
  tenantId: string;
  staffGroup: StaffGroupMembership;
}

/** Kept in the browser's sealed cookie until the redirect back. */
export type PendingStaffSignIn = PendingAuthorization;

export type StaffSignInResult =
  | { ok: true; member: StaffMember }
  | {
      ok: false;
      /** 'state': not the sign-in this browser started; 'not-staff': another tenant, or not in the group. */
      reason: 'state' | 'denied' | 'failed' | 'not-staff';
    };

/** The name patrons see: the given name, or the first word of the display name. */
function firstName(claims: Record<string, unknown>): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const name = typeof claims.name === 'string' ? claims.name : '';
  return displayName(given || name.split(/\s+/)[0] || 'Staff');
}

export class StaffSignIn {
  private readonly flow: AuthorizationCodeFlow;

  constructor(private readonly options: StaffSignInOptions) {
    this.flow = new AuthorizationCodeFlow(options);
  }

  /** Whether a signed-in staff member is still in the staff group (asked again for each new window). */
  isStaff(objectId: string): Promise<boolean> {
    return this.options.staffGroup.isMember(objectId);
  }

  /** Where to send the browser, and what it must bring back. */
  begin(): Promise<{ url: string; pending: PendingStaffSignIn }> {
    return this.flow.start({ prompt: 'select_account' });
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
      claims = await this.flow.redeem(query.code, pending);
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
