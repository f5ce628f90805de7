// Startup refusals, through the function and through the real entry point (dist/index.js):
// the environment's state storage settings, and a staff channel that cannot reach staff.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { validateLibraryConfig } from '../../config/libraryConfig';
import {
  isBlobContainerName,
  readRuntimeSettings,
  RuntimeSettingsError,
  storageConnectionStringProblem,
} from '../../config/runtimeSettings';
import { staffReachability } from '../../config/startupChecks';
import { azuriteConnectionString, AZURITE_ACCOUNT_KEY } from '../support/azurite';
import { DEMO_CONFIG_PATH, temporaryDirectory } from '../support/testBot';

const ENTRY_POINT = join(__dirname, '..', '..', 'index.js');

const PRODUCTION = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'app-secret',
  PATRON_KEY_SECRET: 'a-long-random-patron-key-secret-for-tests',
};

const TEAMS_STAFF = {
  tenantId: '11111111-1111-1111-1111-111111111111',
  teamId: '19:staff-team@thread.tacv2',
  channelId: '19:patron-chats@thread.tacv2',
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
};

function demoRaw(): Record<string, unknown> {
  return parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
}

/** The demo library with its staff answering in Teams (or another staff section). */
function demoWithStaff(staff: Record<string, unknown>): Record<string, unknown> {
  const raw = demoRaw();
  raw.staff = { ...(raw.staff as Record<string, unknown>), ...staff };
  return raw;
}

function settingsProblems(env: Record<string, string>): string[] {
  try {
    readRuntimeSettings(env);
  } catch (error) {
    expect(error).to.be.instanceOf(RuntimeSettingsError);
    return (error as RuntimeSettingsError).problems;
  }
  throw new Error('expected the environment to be refused');
}

describe('State storage settings', () => {
  it('default to SQLite, and read Azure Blob Storage with the default container', () => {
    expect(readRuntimeSettings({}).stateStorage).to.deep.equal({ kind: 'sqlite' });
    const connectionString = azuriteConnectionString(10000);
    expect(
      readRuntimeSettings({ STATE_STORAGE: 'azure-blobs', AZURE_STORAGE_CONNECTION_STRING: connectionString })
        .stateStorage,
    ).to.deep.equal({ kind: 'azure-blobs', connectionString, container: 'library-bot-state' });
  });

  it('refuse an unknown provider, a missing connection string and a bad container name, each by name', () => {
    expect(settingsProblems({ STATE_STORAGE: 'cosmos' })).to.deep.equal([
      'STATE_STORAGE: expected sqlite or azure-blobs, got "cosmos"',
    ]);
    const problems = settingsProblems({ STATE_STORAGE: 'azure-blobs', AZURE_STORAGE_CONTAINER: 'Bot_State' });
    expect(problems).to.have.length(2);
    expect(problems[0]).to.match(/^AZURE_STORAGE_CONNECTION_STRING: expected the storage account's/);
    expect(problems[1]).to.match(
      /^AZURE_STORAGE_CONTAINER: expected a blob container name .* got "Bot_State"$/,
    );
  });

  it('check a connection string for an account and a way in, never quoting it', () => {
    const key = AZURITE_ACCOUNT_KEY;
    expect(storageConnectionStringProblem(azuriteConnectionString(10000))).to.equal(undefined);
    expect(storageConnectionStringProblem('UseDevelopmentStorage=true')).to.equal(undefined);
    expect(
      storageConnectionStringProblem(
        'BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&sig=abc%3D',
      ),
    ).to.equal(undefined);
    expect(
      storageConnectionStringProblem(
        `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net`,
      ),
    ).to.equal(undefined);
    const missingKey = settingsProblems({
      STATE_STORAGE: 'azure-blobs',
      AZURE_STORAGE_CONNECTION_STRING: `AccountName=acct;AcountKey=${key}`,
    });
    expect(missingKey[0])
      .to.match(/expected AccountName and AccountKey/)
      .and.not.include(key);
    expect(storageConnectionStringProblem('paste the key here')).to.match(/Name=value pairs/);
    expect(storageConnectionStringProblem(`AccountName=a;AccountKey=${key};BlobEndpoint=ftp://x`)).to.match(
      /http\(s\) URL/,
    );
  });

  it("follow Azure's container naming rule", () => {
    for (const name of ['library-bot-state', 'abc', 'a1-b2', 'x'.repeat(63)]) {
      expect(isBlobContainerName(name), name).to.equal(true);
    }
    for (const name of ['ab', 'Library', 'bot_state', '-bot', 'bot-', 'bot--state', 'x'.repeat(64)]) {
      expect(isBlobContainerName(name), name).to.equal(false);
    }
  });

  it('ignore STAFF_PASSCODE with an app id: the passcode console is local only', () => {
    expect(readRuntimeSettings({ STAFF_PASSCODE: 'p' }).staffPasscode).to.equal('p');
    expect(readRuntimeSettings({ ...PRODUCTION, STAFF_PASSCODE: 'p' }).staffPasscode).to.equal(undefined);
  });
});

describe('Staff reachability at startup', () => {
  const demo = validateLibraryConfig(demoRaw(), 'demo.yaml').staff;
  const teams = validateLibraryConfig(
    demoWithStaff({ channel: 'teams', teams: TEAMS_STAFF }),
    'teams.yaml',
  ).staff;
  const teamsWithoutSection = validateLibraryConfig(demoWithStaff({ channel: 'teams' }), 'x.yaml').staff;
  const local = readRuntimeSettings({});
  const production = readRuntimeSettings(PRODUCTION);

  it('refuses the passcode console in production, where /staff is not served', () => {
    expect(staffReachability(demo, local)).to.deep.equal({ refusals: [], warnings: [] });
    const { refusals } = staffReachability(demo, production);
    expect(refusals).to.have.length(1);
    expect(refusals[0]).to.include('staff.channel is "console"').and.include('staff.channel: teams');
  });

  it('accepts the staff workspace in production once Entra ID sign-in and Direct Line are set up', () => {
    const raw = demoRaw();
    const staff = raw.staff as { console: Record<string, unknown> };
    const entra = {
      tenantId: 'tenant-1',
      clientId: 'app-1',
      staffGroupId: '11111111-2222-4333-8444-555555555555',
    };
    raw.staff = { ...staff, console: { ...staff.console, entra } };
    const withEntra = validateLibraryConfig(raw, 'entra.yaml').staff;
    const secrets = { STAFF_ENTRA_CLIENT_SECRET: 'app-secret', STAFF_SESSION_SECRET: 'x'.repeat(32) };
    const partly = staffReachability(withEntra, readRuntimeSettings({ ...PRODUCTION, ...secrets }));
    expect(partly.refusals[0]).to.include('needs DIRECT_LINE_SECRET;');
    const ready = readRuntimeSettings({ ...PRODUCTION, ...secrets, DIRECT_LINE_SECRET: 'dl-secret' });
    expect(staffReachability(withEntra, ready)).to.deep.equal({ refusals: [], warnings: [] });
  });

  it('refuses Teams without its staff.teams section in any mode', () => {
    for (const settings of [local, production]) {
      expect(staffReachability(teamsWithoutSection, settings).refusals[0]).to.include(
        'no staff.teams section',
      );
    }
  });

  it('accepts Teams in production, and warns about Teams in local mode', () => {
    expect(staffReachability(teams, production)).to.deep.equal({ refusals: [], warnings: [] });
    const inLocalMode = staffReachability(teams, local);
    expect(inLocalMode.refusals).to.deep.equal([]);
    expect(inLocalMode.warnings[0]).to.include('local mode');
  });
});

describe('The entry point (dist/index.js) refuses unusable configurations', function () {
  // Each case starts a Node process that loads the whole bot: seconds on a busy 2-core machine.
  this.timeout(60000);
  let folder: string;
  beforeEach(() => {
    folder = temporaryDirectory();
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const writeConfig = (raw: Record<string, unknown>) => {
    const file = join(folder, 'library.yaml');
    // Relative feed paths in the demo resolve against the YAML's folder.
    writeFileSync(
      file,
      stringify(raw).replace(
        /file: demo-programs\.ics/g,
        `file: ${join(DEMO_CONFIG_PATH, '..', 'demo-programs.ics')}`,
      ),
    );
    return file;
  };
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [ENTRY_POINT], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: folder, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });

  it('exits 2 on STATE_STORAGE=azure-blobs without a connection string', () => {
    const result = run({ STATE_STORAGE: 'azure-blobs' });
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include('AZURE_STORAGE_CONNECTION_STRING: expected');
  });

  it('exits 2 with an app id and a staff workspace nobody can sign in to, saying what to change', () => {
    const result = run(PRODUCTION);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include(`${DEMO_CONFIG_PATH}: staff.channel is "console"`);
    expect(result.stderr)
      .to.include('staff.console.entra (tenantId, clientId, staffGroupId)')
      .and.include('STAFF_ENTRA_CLIENT_SECRET')
      .and.include('set staff.channel: teams');
    expect(result.stdout).to.not.include('is ready');
  });

  it('starts in production with Teams staff, and stops on SIGTERM', async () => {
    const file = writeConfig(demoWithStaff({ channel: 'teams', teams: TEAMS_STAFF }));
    const child = spawn(process.execPath, [ENTRY_POINT], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: folder,
        LIBRARY_CONFIG: file,
        ...PRODUCTION,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 50000;
    while (!output.includes('is ready at') && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGTERM');
    expect(output).to.include('is ready at').and.include('"stateStorage":"sqlite"');
    expect(output).to.not.include('staff.channel');
    expect(await exited).to.equal(0);
  });
});
