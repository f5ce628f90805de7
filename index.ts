// Composition root: reads the environment and the library's configuration once, validates both,
// builds the bot and serves it. Nothing else in the code base reads process.env.
import { loadLibraryConfig, LibraryConfigError, type LoadedLibraryConfig } from './config/libraryConfig';
import {
  isUnresolvedKeyVaultReference,
  readRuntimeSettings,
  type RuntimeSettings,
  RuntimeSettingsError,
  UNRESOLVED_KEY_VAULT_REFERENCE,
} from './config/runtimeSettings';
import { missingTranslations, staffReachability, StartupRefusedError } from './config/startupChecks';
import { CATALOGS, DEFAULT_LANGUAGE } from './library/language/catalog';
import {
  checkLibrarySystemAtStartup,
  LibrarySystemStartupError,
} from './library/librarySystem/openLibrarySystem';
import { createLogger, type Logger } from './observability/logger';
import { createLibraryBotApp, type LibraryBotApp } from './server/libraryBotApp';

interface Secrets {
  entraClientSecret?: string;
  sip2Login?: { user: string; password: string };
}

async function main(): Promise<void> {
  const { settings, library, staffWarnings } = readConfiguration();
  const logger = createLogger({ level: settings.logLevel, format: settings.logFormat });
  const secrets = readSecrets(library);
  for (const warning of staffWarnings) logger.warn(`${library.path}: ${warning}`);
  const otherLanguages = Object.keys(CATALOGS).filter((language) => language !== DEFAULT_LANGUAGE);
  for (const line of missingTranslations(library.config, otherLanguages))
    logger.info(`${library.path}: ${line}`);
  // A wrong SIP2 host or login stops here with one line, rather than a bot that fails every patron.
  const { warnings } = await checkLibrarySystemAtStartup(library.config, {
    dataDir: settings.dataDir,
    secrets,
  }).catch((error: unknown) => {
    if (error instanceof LibrarySystemStartupError)
      throw new StartupRefusedError([`${library.path}: ${error.message}`]);
    throw error;
  });
  for (const warning of warnings) logger.warn(`${library.path}: ${warning}`);
  const app = createLibraryBotApp({ settings, library, logger, secrets });
  const { port } = await app.listen();

  if (settings.localMode) {
    logger.warn(
      'Local mode: no MicrosoftAppId is set, so channel authentication is OFF. Listening on 127.0.0.1 only.',
    );
  }
  // Before "ready": a supervisor that stops the bot as soon as it says so must reach the graceful path
  // (a SIGTERM between the line and the handler killed the process outright on a busy machine).
  stopOnSignals(app, logger);
  logger.info(
    {
      library: library.config.library.name,
      config: library.path,
      dataDir: settings.dataDir,
      stateStorage: settings.stateStorage.kind,
    },
    `${library.config.library.name} help bot is ready at http://localhost:${port}`,
  );
}

/** The environment and the YAML, validated; a configuration that cannot work is refused here. */
function readConfiguration(): {
  settings: RuntimeSettings;
  library: LoadedLibraryConfig;
  staffWarnings: string[];
} {
  const settings = readRuntimeSettings(process.env);
  const library = loadLibraryConfig(settings.libraryConfigPath);
  const staff = staffReachability(library.config.staff, settings);
  if (staff.refusals.length)
    throw new StartupRefusedError(staff.refusals.map((p) => `${library.path}: ${p}`));
  return { settings, library, staffWarnings: staff.warnings };
}

/** Secrets named by the library's configuration, read here like every other environment variable. */
function readSecrets(library: LoadedLibraryConfig): Secrets {
  const problems: string[] = [];
  const { patronSignIn, librarySystem } = library.config;
  const entraSecretName = patronSignIn.entra?.clientSecretEnv;
  const entraClientSecret = entraSecretName ? process.env[entraSecretName] : undefined;
  if (patronSignIn.method === 'entra' && !entraClientSecret) {
    problems.push(
      `${library.path}: patronSignIn.method is "entra" but ${entraSecretName ?? 'its client secret variable'} is not set`,
    );
  }
  if (entraClientSecret && isUnresolvedKeyVaultReference(entraClientSecret)) {
    problems.push(`${entraSecretName}: ${UNRESOLVED_KEY_VAULT_REFERENCE}`);
  }
  let sip2Login: Secrets['sip2Login'];
  if (librarySystem.kind === 'sip2') {
    const user = process.env[librarySystem.loginUserEnv];
    const password = process.env[librarySystem.loginPasswordEnv];
    const missing = [!user && librarySystem.loginUserEnv, !password && librarySystem.loginPasswordEnv];
    const names = missing.filter(Boolean);
    if (names.length > 0)
      problems.push(
        `${library.path}: librarySystem.kind is "sip2" but ${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} not set`,
      );
    if (user && password) sip2Login = { user, password };
  }
  if (problems.length) throw new StartupRefusedError(problems);
  return { entraClientSecret, sip2Login };
}

function stopOnSignals(app: LibraryBotApp, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing turns in flight');
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration the bot refuses: the message says what to change; status 2 as for a bad setting.
  if (error instanceof StartupRefusedError) {
    console.error(error.problems.join('\n'));
    process.exit(2);
  }
  if (error instanceof RuntimeSettingsError || error instanceof LibraryConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
