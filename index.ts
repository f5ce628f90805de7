// Composition root: reads the environment and the library's configuration once, validates both,
// builds the bot and serves it. Nothing else in the code base reads process.env.
import { loadLibraryConfig, LibraryConfigError } from './config/libraryConfig';
import {
  isUnresolvedKeyVaultReference,
  readRuntimeSettings,
  RuntimeSettingsError,
  UNRESOLVED_KEY_VAULT_REFERENCE,
} from './config/runtimeSettings';
import { staffReachability, StartupRefusedError } from './config/startupChecks';
import { createLogger } from './observability/logger';
import { createLibraryBotApp } from './server/libraryBotApp';

async function main(): Promise<void> {
  let settings;
  let library;
  let staff;
  try {
    settings = readRuntimeSettings(process.env);
    library = loadLibraryConfig(settings.libraryConfigPath);
    staff = staffReachability(library.config.staff, settings);
    const where = library.path;
    if (staff.refusals.length) throw new StartupRefusedError(staff.refusals.map((p) => `${where}: ${p}`));
  } catch (error) {
    exitIfRefused(error);
    throw error;
  }

  const logger = createLogger({ level: settings.logLevel, format: settings.logFormat });
  // Secrets named by the library's configuration, read here like every other environment variable.
  const entraSecretName = library.config.patronSignIn.entra?.clientSecretEnv;
  const secrets = { entraClientSecret: entraSecretName ? process.env[entraSecretName] : undefined };
  if (library.config.patronSignIn.method === 'entra' && !secrets.entraClientSecret) {
    console.error(
      `${library.path}: patronSignIn.method is "entra" but ${entraSecretName ?? 'its client secret variable'} is not set`,
    );
    process.exit(2);
  }
  if (secrets.entraClientSecret && isUnresolvedKeyVaultReference(secrets.entraClientSecret)) {
    console.error(`${entraSecretName}: ${UNRESOLVED_KEY_VAULT_REFERENCE}`);
    process.exit(2);
  }
  for (const warning of staff.warnings) logger.warn(`${library.path}: ${warning}`);
  let app;
  try {
    app = createLibraryBotApp({ settings, library, logger, secrets });
  } catch (error) {
    exitIfRefused(error);
    throw error;
  }
  const { port } = await app.listen();

  if (settings.localMode) {
    logger.warn(
      'Local mode: no MicrosoftAppId is set, so channel authentication is OFF. Listening on 127.0.0.1 only.',
    );
  }
  logger.info(
    {
      library: library.config.library.name,
      config: library.path,
      dataDir: settings.dataDir,
      stateStorage: settings.stateStorage.kind,
    },
    `${library.config.library.name} help bot is ready at http://localhost:${port}`,
  );

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

/** A configuration the bot refuses: the message says what to change; status 2 as for a bad setting. */
function exitIfRefused(error: unknown): void {
  if (
    error instanceof RuntimeSettingsError ||
    error instanceof LibraryConfigError ||
    error instanceof StartupRefusedError
  ) {
    console.error(error.message);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
