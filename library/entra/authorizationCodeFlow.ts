// The OAuth 2.0 authorization code flow with PKCE against Microsoft Entra ID, through @azure/msal-node:
// the one piece patron sign-in (universities) and staff sign-in (the workspace) share. What a sign-in
// is for, where its pending state is kept and who may get in stay with each caller.
import { ConfidentialClientApplication, CryptoProvider, type INetworkModule } from '@azure/msal-node';
import { randomBytes } from 'node:crypto';

export interface EntraAppSettings {
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com/<tenantId> unless another cloud (or a test) is configured. */
  authority: string;
  /** Registered as a Web redirect URI on the app. */
  redirectUrl: string;
  /** For identity providers msal-node does not know (tests, sovereign clouds): hosts to trust. */
  knownAuthorities?: string[];
  /** A network client (tests pass one that trusts a loopback test certificate). */
  networkClient?: INetworkModule;
}

/** What the redirect back must be matched with: kept by the caller until then. */
export interface PendingAuthorization {
  state: string;
  verifier: string;
  nonce: string;
}

const scopes = ['openid', 'profile'];

export class AuthorizationCodeFlow {
  private readonly client: ConfidentialClientApplication;
  private readonly crypto = new CryptoProvider();

  constructor(private readonly settings: EntraAppSettings) {
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        clientSecret: settings.clientSecret,
        ...(settings.knownAuthorities ? { knownAuthorities: settings.knownAuthorities } : {}),
      },
      system: settings.networkClient ? { networkClient: settings.networkClient } : {},
    });
  }

  /** Where to send the browser, and what its redirect back must match. */
  async start(
    options: { prompt?: 'select_account' } = {},
  ): Promise<{ url: string; pending: PendingAuthorization }> {
    const { verifier, challenge } = await this.crypto.generatePkceCodes();
    const state = randomBytes(24).toString('base64url');
    const url = await this.client.getAuthCodeUrl({
      scopes,
      redirectUri: this.settings.redirectUrl,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state,
      nonce: randomBytes(24).toString('base64url'),
      responseMode: 'query',
      ...options,
    });
    // Keep the nonce exactly as sent (msal-node may put its own in the address).
    const nonce = new URL(url).searchParams.get('nonce') ?? '';
    return { url, pending: { state, verifier, nonce } };
  }

  /**
   * The code from the redirect, redeemed: the ID token's claims. msal-node checks the token's
   * signature, audience, issuer and nonce; a failure throws.
   */
  async redeem(code: string, pending: PendingAuthorization): Promise<Record<string, unknown>> {
    const result = await this.client.acquireTokenByCode(
      {
        code,
        scopes,
        redirectUri: this.settings.redirectUrl,
        codeVerifier: pending.verifier,
        state: pending.state,
        nonce: pending.nonce,
      },
      { code, state: pending.state, nonce: pending.nonce },
    );
    return (result.idTokenClaims ?? {}) as Record<string, unknown>;
  }
}
