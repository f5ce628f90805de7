// Composition root: reads the environment and the library's configuration once, validates both,
// builds the bot and serves it. Nothing else in the code base reads process.env.
import { loadLibraryConfig, LibraryConfigError, type LoadedLibraryConfig } from './config/libraryConfig';
import {
  checkLibrarySystemAtStartup,
  LibrarySystemStartupError,
} from './library/librarySystem/openLibrarySystem';
import { readRuntimeSettings, RuntimeSettingsError } from './config/runtimeSettings';
import { createLogger } from './observability/logger';
import { createLibraryBotApp } from './server/libraryBotApp';

async function main(): Promise<void> {
  let settings;
  let library;
  try {
    settings = readRuntimeSettings(process.env);
    library = loadLibraryConfig(settings.libraryConfigPath);
  } catch (error) {
    if (error instanceof RuntimeSettingsError || error instanceof LibraryConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger({ level: settings.logLevel, format: settings.logFormat });
  // Secrets named by the library's configuration, read here like every other environment variable.
  const entraSecretName = library.config.patronSignIn.entra?.clientSecretEnv;
  const secrets = {
    entraClientSecret: entraSecretName ? process.env[entraSecretName] : undefined,
    sip2Login: readSip2Login(library.config.librarySystem, library.path),
  };
  if (library.config.patronSignIn.method === 'entra' && !secrets.entraClientSecret) {
    console.error(
      `${library.path}: patronSignIn.method is "entra" but ${entraSecretName ?? 'its client secret variable'} is not set`,
    );
    process.exit(2);
  }
  // A wrong SIP2 host or login stops here with one line, rather than a bot that fails every patron.
  try {
    const { warnings } = await checkLibrarySystemAtStartup(library.config, {
      dataDir: settings.dataDir,
      secrets,
    });
    for (const warning of warnings) logger.warn(`${library.path}: ${warning}`);
  } catch (error) {
    if (error instanceof LibrarySystemStartupError) {
      console.error(`${library.path}: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = createLibraryBotApp({ settings, library, logger, secrets });
  const { port } = await app.listen();

  if (settings.localMode) {
    logger.warn(
      'Local mode: no MicrosoftAppId is set, so channel authentication is OFF. Listening on 127.0.0.1 only.',
    );
  }
  logger.info(
    { library: library.config.library.name, config: library.path, dataDir: settings.dataDir },
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

/** The SIP2 login from the variables the configuration names; exits with a clear line when missing. */
function readSip2Login(
  system: LoadedLibraryConfig['config']['librarySystem'],
  configPath: string,
): { user: string; password: string } | undefined {
  if (system.kind !== 'sip2') return undefined;
  const user = process.env[system.loginUserEnv];
  const password = process.env[system.loginPasswordEnv];
  const missing = [!user && system.loginUserEnv, !password && system.loginPasswordEnv].filter(Boolean);
  if (missing.length > 0 || !user || !password) {
    console.error(
      `${configPath}: librarySystem.kind is "sip2" but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
    );
    process.exit(2);
  }
  return { user, password };
}

main().catch((error: unknown) => {
  console.error('The bot could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
