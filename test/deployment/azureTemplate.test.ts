// The Azure template sets exactly the variables the code reads: the names come from the code
// (RUNTIME_SETTING_NAMES, checked against the sources) and from main.bicep's app settings.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readRuntimeSettings,
  RUNTIME_SETTING_NAMES,
  RuntimeSettingsError,
} from '../../config/runtimeSettings';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const source = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

/** App Service's own settings, read by the platform rather than by the bot. */
const PLATFORM_SETTING = /^(WEBSITES?_|DOCKER_)/;

interface TemplateSetting {
  /** The literal name, or the parameter that names it (`name: someParam`). */
  name: string;
  literal: boolean;
  value: string;
}

/** The `{ name: ..., value: ... }` lines of `var <variable> = ...` (up to the next declaration). */
function templateSettings(bicep: string, variable: string): TemplateSetting[] {
  const start = bicep.indexOf(`var ${variable} =`);
  expect(start, `var ${variable} in main.bicep`).to.be.greaterThan(-1);
  const next = bicep.slice(start + 1).search(/\n(var|resource|param|output) /);
  const block = bicep.slice(start, next < 0 ? undefined : start + 1 + next);
  return [
    ...block.matchAll(/^\s*\{\s*name:\s*(?:'([^']+)'|([A-Za-z_]\w*))\s*,?\s*value:\s*(.+?)\s*\}\s*$/gm),
  ].map((match) => ({ name: match[1] ?? match[2], literal: match[1] !== undefined, value: match[3] }));
}

/** Source text without comments, so a comment naming process.env is not counted as a read. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('Azure template (deployment/azure/main.bicep) and the settings the code reads', () => {
  const bicep = source('deployment/azure/main.bicep');
  const fromCode = templateSettings(bicep, 'appSettingsFromCode');
  const codeNames = Object.keys(RUNTIME_SETTING_NAMES);
  const deployedNames = codeNames.filter(
    (name) =>
      !['local', 'default'].includes(RUNTIME_SETTING_NAMES[name as keyof typeof RUNTIME_SETTING_NAMES]),
  );

  it('lists in RUNTIME_SETTING_NAMES exactly the variables config/runtimeSettings.ts reads', () => {
    const settingsSource = withoutComments(source('config/runtimeSettings.ts'));
    const read = new Set(
      [...settingsSource.matchAll(/\bvalue\('([^']+)'\)|\benv(?:\.(\w+)|\[['"]([^'"]+)['"]\])/g)].map(
        (match) => match[1] ?? match[2] ?? match[3],
      ),
    );
    expect([...read].sort()).to.deep.equal([...codeNames].sort());
  });

  it('finds index.ts reading nothing else but the secret the library configuration names', () => {
    const index = withoutComments(source('index.ts'));
    const reads = [...index.matchAll(/process\.env(\.\w+|\[[^\]]+\])?/g)].map((match) => match[1] ?? '');
    // process.env handed to readRuntimeSettings, and the Entra client secret and SIP2 login by their
    // configured names (the template's entraClientSecretSetting and sip2*Setting parameters).
    expect(reads.sort()).to.deep.equal([
      '',
      '[entraSecretName]',
      '[librarySystem.loginPasswordEnv]',
      '[librarySystem.loginUserEnv]',
    ]);
    expect(bicep).to.include('sip2UserSetting').and.include('sip2PasswordSetting');
    expect(index).to.match(/readRuntimeSettings\(process\.env\)/);
  });

  it('sets every deployed variable and nothing the code does not read', () => {
    const templateNames = fromCode.filter((s) => s.literal).map((s) => s.name);
    const fromTheBot = templateNames.filter((name) => !PLATFORM_SETTING.test(name));
    const missing = deployedNames.filter((name) => !fromTheBot.includes(name));
    const unknown = fromTheBot.filter((name) => !codeNames.includes(name));
    expect({ missing, unknown }).to.deep.equal({ missing: [], unknown: [] });
    expect(fromTheBot, 'no name twice').to.have.length(new Set(fromTheBot).size);
    expect(
      fromCode.filter((s) => !s.literal),
      'names from parameters',
    ).to.deep.equal([]);
  });

  it('leaves out the local-only ones (the passcode console is not served with an app id)', () => {
    const local = codeNames.filter((name) => !deployedNames.includes(name));
    // And the Bot Framework's OpenID metadata address, whose public default production keeps.
    expect(local.sort()).to.deep.equal(['BotOpenIdMetadata', 'STAFF_PASSCODE']);
    expect(bicep).to.not.include('BotOpenIdMetadata');
    expect(bicep).to.not.include('STAFF_PASSCODE');
  });

  it('sets the Entra client secret under the name the library configuration gives it', () => {
    const entra = templateSettings(bicep, 'entraSetting');
    expect(entra).to.have.length(1);
    expect(entra[0]).to.include({ name: 'entraClientSecretSetting', literal: false });
    expect(entra[0].value).to.match(/^'@Microsoft\.KeyVault\(SecretUri=/);
    expect(bicep).to.match(/var appSettings = concat\(appSettingsFromCode, entraSetting, sip2Settings\)/);
    expect(bicep).to.match(/appSettings: appSettings\b/);
  });

  it('keeps state on Blob Storage and takes every secret from Key Vault', () => {
    const value = (name: string) => fromCode.find((s) => s.name === name)?.value;
    expect(value('STATE_STORAGE')).to.equal("'azure-blobs'");
    for (const secret of [
      'MicrosoftAppPassword',
      'DIRECT_LINE_SECRET',
      'PATRON_KEY_SECRET',
      'AZURE_STORAGE_CONNECTION_STRING',
    ]) {
      expect(value(secret), secret).to.match(/^'@Microsoft\.KeyVault\(SecretUri=\$\{keyVaultReference\}\//);
    }
    expect(value('DATA_DIR')).to.equal("'/app/data'");
    expect(value('WEBSITES_ENABLE_APP_SERVICE_STORAGE')).to.equal("'false'");
  });

  it('refuses to start on a Key Vault reference App Service could not resolve', () => {
    let error: unknown;
    try {
      readRuntimeSettings({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'app-secret',
        PATRON_KEY_SECRET:
          '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/patron-key-secret/)',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RuntimeSettingsError);
    expect((error as RuntimeSettingsError).problems[0]).to.match(
      /^PATRON_KEY_SECRET: is a Key Vault reference App Service could not resolve/,
    );
  });
});
