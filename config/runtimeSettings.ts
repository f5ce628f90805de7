// Process settings from the environment. index.ts passes process.env in; nothing else reads it.
import { resolve } from 'node:path';

export interface MicrosoftAppCredentials {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  /**
   * Where the Bot Framework's OpenID metadata (and so its signing keys) is read; Microsoft's public
   * cloud by default. `BotOpenIdMetadata`, botbuilder's own name for it; tests point it at a local server.
   */
  openIdMetadataUrl?: string;
}

export interface RuntimeSettings {
  port: number;
  /** 127.0.0.1 in local mode: with channel authentication off, nothing outside this machine may reach the bot. */
  host: string;
  /** No Microsoft app id: channel authentication is off and the built-in Direct Line serves the web page. */
  localMode: boolean;
  dataDir: string;
  libraryConfigPath: string;
  microsoftApp?: MicrosoftAppCredentials;
  directLineSecret?: string;
  /** Microsoft's Direct Line service; replaced by a local fake in tests. */
  directLineEndpoint: string;
  staffPasscode?: string;
  /** The bot's public address (for links and the embed script); defaults to the local address. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logFormat: 'pretty' | 'json';
  /** Secret for stable, non-reversible patron keys (HMAC of the card number). */
  patronKeySecret: string;
}

export class RuntimeSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The environment is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RuntimeSettingsError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Shortest PATRON_KEY_SECRET accepted: 32 characters (e.g. `openssl rand -base64 32` gives 44). */
export const MIN_PATRON_KEY_SECRET_LENGTH = 32;

export function readRuntimeSettings(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): RuntimeSettings {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const portText = value('PORT') ?? '3978';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT: expected a port number from 0 to 65535, got "${portText}"`);
  }

  const appId = value('MicrosoftAppId');
  let microsoftApp: MicrosoftAppCredentials | undefined;
  if (appId) {
    const appType = value('MicrosoftAppType') ?? 'MultiTenant';
    if (appType !== 'MultiTenant' && appType !== 'SingleTenant' && appType !== 'UserAssignedMSI') {
      problems.push(
        `MicrosoftAppType: expected MultiTenant, SingleTenant or UserAssignedMSI, got "${appType}"`,
      );
    }
    const appPassword = value('MicrosoftAppPassword') ?? '';
    if (appType !== 'UserAssignedMSI' && !appPassword) {
      problems.push('MicrosoftAppPassword: expected the app secret when MicrosoftAppId is set');
    }
    const tenantId = value('MicrosoftAppTenantId');
    if (appType === 'SingleTenant' && !tenantId) {
      problems.push('MicrosoftAppTenantId: expected the tenant id for a SingleTenant app');
    }
    const openIdMetadataUrl = value('BotOpenIdMetadata');
    if (openIdMetadataUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(openIdMetadataUrl)) {
      problems.push(
        `BotOpenIdMetadata: expected an http(s) URL of the OpenID metadata, got "${openIdMetadataUrl}"`,
      );
    }
    microsoftApp = {
      appId,
      appPassword,
      appType: appType as MicrosoftAppCredentials['appType'],
      tenantId,
      openIdMetadataUrl,
    };
  }
  const localMode = !microsoftApp;

  const logLevel = (value('LOG_LEVEL') ?? 'info') as RuntimeSettings['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const logFormat = value('LOG_FORMAT') ?? (localMode ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    problems.push(`LOG_FORMAT: expected pretty or json, got "${logFormat}"`);
  }

  const patronKeySecret = value('PATRON_KEY_SECRET');
  if (!localMode && !patronKeySecret) {
    problems.push(
      'PATRON_KEY_SECRET: expected a long random secret when running with channel authentication',
    );
  } else if (patronKeySecret !== undefined && patronKeySecret.length < MIN_PATRON_KEY_SECRET_LENGTH) {
    problems.push(
      `PATRON_KEY_SECRET: expected at least ${MIN_PATRON_KEY_SECRET_LENGTH} characters of random text ` +
        `(got ${patronKeySecret.length}); generate one with: openssl rand -base64 32`,
    );
  }

  // Local mode listens on loopback only; HOST may narrow it further but never widen it.
  const host = localMode ? '127.0.0.1' : (value('HOST') ?? '0.0.0.0');
  if (problems.length) throw new RuntimeSettingsError(problems);

  return {
    port,
    host,
    localMode,
    dataDir: resolve(cwd, value('DATA_DIR') ?? 'data'),
    libraryConfigPath: resolve(cwd, value('LIBRARY_CONFIG') ?? 'config/demo-library.yaml'),
    microsoftApp,
    directLineSecret: value('DIRECT_LINE_SECRET'),
    directLineEndpoint: value('DIRECT_LINE_ENDPOINT') ?? 'https://directline.botframework.com',
    staffPasscode: value('STAFF_PASSCODE') ?? (localMode ? 'riverbend-staff' : undefined),
    publicUrl: (value('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel,
    logFormat: logFormat as RuntimeSettings['logFormat'],
    patronKeySecret: patronKeySecret ?? 'local-mode-only-patron-key-secret',
  };
}
