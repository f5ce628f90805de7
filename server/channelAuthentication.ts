// Channel authentication for /api/messages: botbuilder's own validation (issuer, audience, signing
// key from the OpenID metadata, endorsements, the serviceUrl claim), with the metadata address
// configurable, and its failures sorted into what the caller is told: 401 for a token that is not
// good, 503 when the signing keys cannot be read. botbuilder answers 500 for most of these.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { MicrosoftAppCredentials } from '../config/runtimeSettings';

/** Microsoft's public-cloud caller id (botframework-schema's CallerIdConstants.PublicAzureChannel). */
const PUBLIC_AZURE_CHANNEL = 'urn:botframework:azure';

export function createChannelAuthentication(app?: MicrosoftAppCredentials): BotFrameworkAuthentication {
  if (!app) return new ConfigurationBotFrameworkAuthentication({});
  const credentials = {
    MicrosoftAppId: app.appId,
    MicrosoftAppPassword: app.appPassword,
    MicrosoftAppType: app.appType,
    MicrosoftAppTenantId: app.tenantId,
  };
  if (!app.openIdMetadataUrl) return new ConfigurationBotFrameworkAuthentication(credentials);
  // Setting one endpoint makes botbuilder expect all of them: the public cloud's, but the metadata.
  return new ConfigurationBotFrameworkAuthentication({
    ...credentials,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: app.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: PUBLIC_AZURE_CHANNEL,
  });
}

export interface AuthenticationRefusal {
  status: 401 | 503;
  /** For the log line: what was wrong, never the token. */
  reason: string;
}

/** jsonwebtoken's errors for a token that is malformed, badly signed, expired or not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** Sorts an authentication failure: the keys could not be read (503), or the token is not good (401). */
export function classifyAuthenticationFailure(error: unknown): AuthenticationRefusal {
  const failure = error as
    { name?: string; message?: string; statusCode?: number; type?: string } | undefined;
  const message = typeof failure?.message === 'string' ? failure.message.slice(0, 200) : String(error);
  if (error instanceof AuthenticationError && failure?.statusCode === 401) {
    return { status: 401, reason: message };
  }
  if (failure?.name && TOKEN_ERRORS.has(failure.name)) return { status: 401, reason: message };
  // node-fetch's FetchError, or botbuilder's "Failed to load openID config / Keys" (a 500 AuthenticationError).
  if (failure?.name === 'FetchError' || /Failed to load (openID config|Keys)/.test(message)) {
    return { status: 503, reason: `OpenID metadata unreachable: ${message}` };
  }
  // Anything else is refused too: failing closed, but said in the log.
  return { status: 401, reason: `unexpected authentication failure: ${message}` };
}

/** Validates the request's token for this activity; undefined when it may be processed. */
export async function checkChannelToken(
  authentication: BotFrameworkAuthentication,
  activity: Activity,
  authorization: string,
): Promise<AuthenticationRefusal | undefined> {
  try {
    await authentication.authenticateRequest(activity, authorization);
    return undefined;
  } catch (error) {
    return classifyAuthenticationFailure(error);
  }
}
