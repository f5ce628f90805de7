// Builds the Teams app package (manifest.json + icons in a zip) for the staff channel:
//   npm run teams:package -- --bot-id <Microsoft app id> [--domain bot.example.org]
//                            [--config config/demo-library.yaml] [--out dist/teams-app.zip]
// The manifest is filled in for the library and the bot, checked against the manifest schema,
// and refused with a clear message when something does not fit.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadLibraryConfig, type LibraryConfig } from '../../config/libraryConfig';

/** deployment/teams in the source tree (this file runs from dist/deployment/teams). */
export const TEAMS_SOURCE_DIR = resolve(__dirname, '..', '..', '..', 'deployment', 'teams');

export interface TeamsPackageOptions {
  /** The bot's Microsoft app id (a GUID). */
  botId: string;
  /** The Teams app's own id; defaults to the bot id. */
  appId?: string;
  /** The bot's public host name, for validDomains. */
  domain?: string;
  library?: LibraryConfig;
}

export type TeamsManifest = Record<string, unknown> & {
  bots: Record<string, unknown>[];
  developer: Record<string, unknown>;
  name: Record<string, unknown>;
};

export class TeamsManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app manifest is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsManifestError';
  }
}

export function readManifestTemplate(): TeamsManifest {
  return JSON.parse(readFileSync(join(TEAMS_SOURCE_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;
}

/** Problems with a manifest, each naming the field; empty when it fits the schema. */
export function manifestProblems(manifest: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(TEAMS_SOURCE_DIR, 'manifest.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(top level)'}: ${e.message ?? 'invalid'}`);
}

/** The template filled in for this library and bot. */
export function customiseManifest(template: TeamsManifest, options: TeamsPackageOptions): TeamsManifest {
  const manifest: TeamsManifest = structuredClone(template);
  manifest.id = options.appId ?? options.botId;
  manifest.bots = manifest.bots.map((bot) => ({ ...bot, botId: options.botId }));
  const library = options.library?.library;
  if (library) {
    manifest.developer = {
      ...manifest.developer,
      name: library.name.slice(0, 32),
      ...(library.website
        ? {
            websiteUrl: library.website,
            privacyUrl: `${library.website.replace(/\/+$/, '')}/privacy`,
            termsOfUseUrl: `${library.website.replace(/\/+$/, '')}/terms`,
          }
        : {}),
    };
    manifest.name = { ...manifest.name, short: `${library.shortName ?? library.name} Staff`.slice(0, 30) };
    manifest.accentColor = library.colours.primary.toUpperCase();
  }
  if (options.domain) manifest.validDomains = [options.domain];
  return manifest;
}

/** The zip Teams takes: manifest.json and the two icons at the top level. */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<Buffer> {
  const manifest = customiseManifest(readManifestTemplate(), options);
  const problems = manifestProblems(manifest);
  if (problems.length) throw new TeamsManifestError(problems);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', readFileSync(join(TEAMS_SOURCE_DIR, 'color.png')));
  zip.file('outline.png', readFileSync(join(TEAMS_SOURCE_DIR, 'outline.png')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const botId = argument(args, 'bot-id');
  if (!botId) {
    console.error(
      "Give the bot's Microsoft app id: npm run teams:package -- --bot-id <GUID> [--domain host]",
    );
    process.exit(2);
  }
  const library = loadLibraryConfig(argument(args, 'config') ?? 'config/demo-library.yaml').config;
  const out = resolve(argument(args, 'out') ?? 'dist/teams-app.zip');
  const zip = await buildTeamsPackage({
    botId,
    appId: argument(args, 'app-id'),
    domain: argument(args, 'domain'),
    library,
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(`Teams app package written to ${out}; upload it in Teams (Apps > Manage your apps).`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
