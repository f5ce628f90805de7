// One place that turns `librarySystem` in the library's configuration into a working LibrarySystem:
// the embedded demo system, or SIP2 (with SRU catalog search when `catalog` is set). Credentials
// come in from the composition root (index.ts reads the environment variables the configuration
// names); nothing here reads the environment.
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { LibraryConfig } from '../../config/libraryConfig';
import { openDemoLibrarySystem } from './demo/demoLibrarySystem';
import { LibrarySystemUnavailableError } from './errors';
import type { LibrarySystem } from './librarySystem';
import { Sip2TransportError } from './sip2/connection';
import { Sip2LibrarySystem, Sip2LoginError } from './sip2/sip2LibrarySystem';
import type { Sip2Logger } from './sip2/traffic';
import { SruCatalog } from './sru/sruCatalog';

export interface LibrarySystemSecrets {
  /** From the variables named by librarySystem.loginUserEnv and loginPasswordEnv. */
  sip2Login?: { user: string; password: string };
}

export interface OpenLibrarySystemDeps {
  /** The bot's data folder (the demo system keeps its SQLite file there). */
  dataDir: string;
  now?: () => Date;
  secrets?: LibrarySystemSecrets;
  /** Warnings, and the masked SIP2 traffic at debug level. */
  logger?: Sip2Logger;
  /** An implementation to use instead (tests inject faults); nothing is opened then. */
  system?: LibrarySystem;
  /** Extra TLS settings for the SIP2 connection (an ILS with its own certificate authority). */
  tlsOptions?: TlsOptions;
}

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface OpenedLibrarySystem {
  system: LibrarySystem;
  /** For /readyz: the SIP2 login and the SRU catalog are reported separately. */
  readiness: ReadinessCheck[];
  close(): void;
}

/** A configuration or connection problem to report in one line at startup (exit code 2). */
export class LibrarySystemStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibrarySystemStartupError';
  }
}

type Sip2Config = Extract<LibraryConfig['librarySystem'], { kind: 'sip2' }>;

export function openLibrarySystem(config: LibraryConfig, deps: OpenLibrarySystemDeps): OpenedLibrarySystem {
  const limit = config.librarySystem.timeoutMs;
  if (deps.system) {
    const system = deps.system;
    return {
      system,
      readiness: [named('librarySystem', () => system.checkReachable(), limit)],
      close: () => undefined,
    };
  }
  if (config.librarySystem.kind === 'demo') {
    const demo = openDemoLibrarySystem({
      dataDir: deps.dataDir,
      branches: config.branches.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
      timeZone: config.library.timeZone,
      now: deps.now,
    });
    return {
      system: demo,
      readiness: [named('librarySystem', () => demo.checkReachable(), limit)],
      close: () => demo.close(),
    };
  }
  const sip2Config = config.librarySystem;
  const catalog = catalogOf(sip2Config);
  const sip2 = sip2System(config, sip2Config, deps, catalog);
  // Connect now: the first patron does not wait for the login, and the features reflect what this
  // server supports (98, BX) before any dialog asks. A failure here is logged and retried on use.
  void sip2.checkReachable().catch(() => undefined);
  return {
    system: sip2,
    readiness: [
      named('librarySystem.sip2Login', () => sip2.checkReachable(), limit),
      ...(catalog ? [named('librarySystem.sruCatalog', () => catalog.checkReachable(), limit)] : []),
    ],
    close: () => sip2.close(),
  };
}

/**
 * At startup, before serving: logs in to the SIP2 server once (and asks the SRU catalog to explain
 * itself). A wrong host or login rejects with LibrarySystemStartupError, one line saying what to
 * fix; an unreachable catalog is only a warning (holds work without it). Nothing to do for the demo.
 */
export async function checkLibrarySystemAtStartup(
  config: LibraryConfig,
  deps: OpenLibrarySystemDeps,
): Promise<{ warnings: string[] }> {
  if (config.librarySystem.kind !== 'sip2') return { warnings: [] };
  const sip2Config = config.librarySystem;
  const where = `${sip2Config.host}:${sip2Config.port}`;
  const catalog = catalogOf(sip2Config);
  const sip2 = sip2System(config, sip2Config, deps, catalog);
  try {
    await sip2.checkLogin();
  } catch (error) {
    throw new LibrarySystemStartupError(startupProblem(error, sip2Config, where));
  } finally {
    sip2.close();
  }
  const warnings: string[] = [];
  if (catalog) {
    try {
      await catalog.checkReachable();
    } catch (error) {
      warnings.push(
        `librarySystem.catalog.url: the SRU catalog at ${sip2Config.catalog?.url} is not answering (${(error as Error).message}); ` +
          'placing holds will give the catalog link until it does',
      );
    }
  }
  return { warnings };
}

function sip2System(
  config: LibraryConfig,
  sip2Config: Sip2Config,
  deps: OpenLibrarySystemDeps,
  catalog: SruCatalog | undefined,
): Sip2LibrarySystem {
  const login = deps.secrets?.sip2Login;
  if (!login) {
    throw new LibrarySystemStartupError(
      `librarySystem: the SIP2 login is not set (environment variables ${sip2Config.loginUserEnv} and ${sip2Config.loginPasswordEnv})`,
    );
  }
  return new Sip2LibrarySystem({
    host: sip2Config.host,
    port: sip2Config.port,
    tls: sip2Config.tls,
    tlsOptions: deps.tlsOptions,
    institution: sip2Config.institution,
    locationCode: sip2Config.locationCode,
    login,
    encoding: sip2Config.encoding,
    errorDetection: sip2Config.errorDetection,
    timeoutMs: sip2Config.timeoutMs,
    branches: config.branches.map((b) => ({ id: b.id, name: b.name, kind: b.kind, ilsCode: b.ilsCode })),
    timeZone: config.library.timeZone,
    vendor: sip2Config.vendor,
    catalog,
    logger: deps.logger,
    now: deps.now,
  });
}

function catalogOf(sip2Config: Sip2Config): SruCatalog | undefined {
  const catalog = sip2Config.catalog;
  return catalog
    ? new SruCatalog({ url: catalog.url, holdings: catalog.holdings, timeoutMs: sip2Config.timeoutMs })
    : undefined;
}

function startupProblem(error: unknown, sip2Config: Sip2Config, where: string): string {
  if (error instanceof Sip2LoginError) {
    return `librarySystem: the SIP2 server at ${where} refused the login (check the user and password in ${sip2Config.loginUserEnv} and ${sip2Config.loginPasswordEnv}, and locationCode)`;
  }
  if (error instanceof Sip2TransportError) {
    if (error.failure === 'timeout') {
      return `librarySystem.host: the SIP2 server at ${where} did not answer within ${sip2Config.timeoutMs} ms`;
    }
    const reason = socketReasons[error.code ?? ''] ?? error.code ?? error.message;
    const tls = error.code && /CERT|TLS|SSL/.test(error.code) ? ' over TLS' : '';
    return `librarySystem.host: cannot connect${tls} to the SIP2 server at ${where} (${reason})`;
  }
  return `librarySystem: the SIP2 server at ${where} failed (${error instanceof Error ? error.message : String(error)})`;
}

const socketReasons: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNREFUSED: 'connection refused: is the port right and the SIP2 server running?',
  ECONNRESET: 'the server closed the connection',
  EHOSTUNREACH: 'host unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not from a trusted authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
  EPROTO: 'TLS handshake failed: is TLS on at the server?',
};

/** A readiness check with a time limit, so /readyz never hangs on a silent server. */
function named(name: string, check: () => Promise<void>, timeoutMs: number): ReadinessCheck {
  return {
    name,
    check: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new LibrarySystemUnavailableError('timeout')), timeoutMs);
        check().then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
      }),
  };
}
