// Process settings from the environment. index.ts passes process.env in; nothing else reads it.
import { join, resolve } from 'node:path';

/**
 * Every environment variable read here, and where it matters (`local`: ignored with an app id, so not
 * deployed; `default`: a public default the deployment keeps, changed only for another cloud or a test). `value()` accepts only these names, so the list cannot fall behind the code; a test
 * compares it with the app settings of deployment/azure/main.bicep.
 */
export const RUNTIME_SETTING_NAMES = {
  PORT: 'everywhere',
  HOST: 'production',
  DATA_DIR: 'everywhere',
  LIBRARY_CONFIG: 'everywhere',
  MicrosoftAppId: 'production',
  MicrosoftAppPassword: 'production',
  MicrosoftAppType: 'production',
  MicrosoftAppTenantId: 'production',
  BotOpenIdMetadata: 'default',
  DIRECT_LINE_SECRET: 'production',
  DIRECT_LINE_ENDPOINT: 'production',
  STAFF_PASSCODE: 'local',
  PUBLIC_URL: 'everywhere',
  LOG_LEVEL: 'everywhere',
  LOG_FORMAT: 'everywhere',
  PATRON_KEY_SECRET: 'production',
  STATE_STORAGE: 'everywhere',
  AZURE_STORAGE_CONNECTION_STRING: 'everywhere',
  AZURE_STORAGE_CONTAINER: 'everywhere',
} as const satisfies Record<string, 'everywhere' | 'production' | 'local' | 'default'>;

export type RuntimeSettingName = keyof typeof RUNTIME_SETTING_NAMES;

/** Where the bot's own state (conversation and user state, handoff queue) is kept. */
export type StateStorageSettings =
  { kind: 'sqlite' } | { kind: 'azure-blobs'; connectionString: string; container: string };

export const STATE_STORAGE_KINDS = ['sqlite', 'azure-blobs'] as const;
export const DEFAULT_STATE_CONTAINER = 'library-bot-state';

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
  /** Where the trained intent model is kept between starts (none: trained at every start, as in tests). */
  modelCacheDir?: string;
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
  stateStorage: StateStorageSettings;
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
  const value = (name: RuntimeSettingName): string | undefined => {
    const raw = env[name];
    if (raw !== undefined && isUnresolvedKeyVaultReference(raw)) {
      problems.push(`${name}: ${UNRESOLVED_KEY_VAULT_REFERENCE}`);
      return undefined;
    }
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

  const stateStorage = readStateStorage(value, problems);

  // Local mode listens on loopback only; HOST may narrow it further but never widen it.
  const host = localMode ? '127.0.0.1' : (value('HOST') ?? '0.0.0.0');
  if (problems.length) throw new RuntimeSettingsError(problems);

  const dataDir = resolve(cwd, value('DATA_DIR') ?? 'data');
  return {
    port,
    host,
    localMode,
    dataDir,
    modelCacheDir: join(dataDir, 'models'),
    libraryConfigPath: resolve(cwd, value('LIBRARY_CONFIG') ?? 'config/demo-library.yaml'),
    microsoftApp,
    directLineSecret: value('DIRECT_LINE_SECRET'),
    directLineEndpoint: value('DIRECT_LINE_ENDPOINT') ?? 'https://directline.botframework.com',
    // The passcode console is served in local mode only, so production ignores the variable.
    staffPasscode: localMode ? (value('STAFF_PASSCODE') ?? 'riverbend-staff') : undefined,
    publicUrl: (value('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    logLevel,
    logFormat: logFormat as RuntimeSettings['logFormat'],
    patronKeySecret: patronKeySecret ?? 'local-mode-only-patron-key-secret',
    stateStorage,
  };
}

function readStateStorage(
  value: (name: RuntimeSettingName) => string | undefined,
  problems: string[],
): StateStorageSettings {
  const kind = value('STATE_STORAGE') ?? 'sqlite';
  if (kind === 'sqlite') return { kind };
  if (kind !== 'azure-blobs') {
    problems.push(`STATE_STORAGE: expected ${STATE_STORAGE_KINDS.join(' or ')}, got "${kind}"`);
    return { kind: 'sqlite' };
  }
  const connectionString = value('AZURE_STORAGE_CONNECTION_STRING') ?? '';
  const connectionProblem = storageConnectionStringProblem(connectionString);
  if (connectionProblem) problems.push(`AZURE_STORAGE_CONNECTION_STRING: ${connectionProblem}`);
  const container = value('AZURE_STORAGE_CONTAINER') ?? DEFAULT_STATE_CONTAINER;
  if (!isBlobContainerName(container)) {
    problems.push(
      `AZURE_STORAGE_CONTAINER: expected a blob container name (3 to 63 lower-case letters, digits and ` +
        `single hyphens, starting and ending with a letter or digit), got "${container}"`,
    );
  }
  return { kind, connectionString, container };
}

/**
 * What is wrong with an Azure Storage connection string, or undefined when it names an account and a
 * way in. Never quotes the string: it holds the account key.
 */
export function storageConnectionStringProblem(text: string): string | undefined {
  if (!text) return "expected the storage account's connection string when STATE_STORAGE is azure-blobs";
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const equals = part.indexOf('=');
    if (equals <= 0) return 'expected Name=value pairs separated by ";" (as the Azure portal shows it)';
    fields.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  if (fields.get('usedevelopmentstorage') === 'true') return undefined;
  const hasAccountKey = Boolean(fields.get('accountname') && fields.get('accountkey'));
  const hasSas = Boolean(fields.get('blobendpoint') && fields.get('sharedaccesssignature'));
  if (!hasAccountKey && !hasSas) {
    return 'expected AccountName and AccountKey, or BlobEndpoint and SharedAccessSignature';
  }
  const endpoint = fields.get('blobendpoint');
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) return 'expected BlobEndpoint to be an http(s) URL';
  return undefined;
}

/**
 * App Service passes a Key Vault reference it could not resolve through as its own text; running with
 * it would, say, key every patron with the reference instead of the secret.
 */
export function isUnresolvedKeyVaultReference(value: string): boolean {
  return /^\s*@Microsoft\.KeyVault\(/i.test(value);
}

export const UNRESOLVED_KEY_VAULT_REFERENCE =
  "is a Key Vault reference App Service could not resolve: give the app's managed identity the " +
  'Key Vault Secrets User role on the vault, check the secret exists, then restart the app';

/** Azure's rule for container names. */
export function isBlobContainerName(name: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(name);
}
