import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadLibraryConfig, LibraryConfigError, validateLibraryConfig } from '../../config/libraryConfig';
import { readRuntimeSettings, RuntimeSettingsError } from '../../config/runtimeSettings';
import { DEMO_CONFIG_PATH, temporaryDirectory } from '../support/testBot';

const REPO_ROOT = join(__dirname, '..', '..', '..');

function demoRaw(): Record<string, unknown> {
  return parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
}

function expectSomeMatch(lines: string[], pattern: RegExp): void {
  expect(
    lines.some((line) => pattern.test(line)),
    `${pattern} in:\n${lines.join('\n')}`,
  ).to.equal(true);
}

function problemsOf(raw: unknown): string[] {
  try {
    validateLibraryConfig(raw, 'library.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(LibraryConfigError);
    return (error as LibraryConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('Library configuration', () => {
  it('loads the Riverbend demo library', () => {
    const { config } = loadLibraryConfig(DEMO_CONFIG_PATH);
    expect(config.library.name).to.equal('Riverbend Public Library');
    expect(config.library.timeZone).to.equal('America/Chicago');
    expect(config.branches.map((b) => b.id)).to.deep.equal([
      'main',
      'eastside',
      'riverside',
      'oak-hill',
      'bookmobile',
    ]);
    expect(config.faq.map((f) => f.id)).to.include.members([
      'card',
      'fines',
      'renew',
      'location',
      'computers',
    ]);
  });

  it('names the exact field path and what was expected', () => {
    const raw = demoRaw();
    const branches = raw.branches as Record<string, unknown>[];
    (branches[1].hours as Record<string, unknown>).tuesday = [{ opens: '10am', closes: '20:00' }];
    (raw.library as Record<string, unknown>).timeZone = 'Mars/Olympus';
    const problems = problemsOf(raw);
    expectSomeMatch(
      problems,
      /^library\.yaml: branches\[1\]\.hours\.tuesday\[0\]\.opens: expected a 24-hour time/,
    );
    expectSomeMatch(problems, /^library\.yaml: library\.timeZone: expected an IANA time zone/);
  });

  it('reports unknown fields, missing sections and unknown branch ids', () => {
    const raw = demoRaw();
    delete raw.staff;
    (raw.library as Record<string, unknown>).colour = 'blue';
    const problems = problemsOf(raw);
    expect(problems).to.include('library.yaml: staff: expected object, got undefined');
    expect(problems).to.include('library.yaml: library: unknown field(s) "colour"');
    const otherwiseValid = demoRaw();
    (
      (otherwiseValid.specialDays as Record<string, unknown>[])[7].branches as Record<string, unknown>
    ).atlantis = [];
    expectSomeMatch(problemsOf(otherwiseValid), /specialDays\[7\]\.branches\.atlantis: expected a branch id/);
  });

  it('exits non-zero without starting when the file is broken', function () {
    this.timeout(60000);
    const folder = temporaryDirectory();
    try {
      const raw = demoRaw();
      (raw.librarySystem as Record<string, unknown>).kind = 'card-catalogue';
      const file = join(folder, 'broken.yaml');
      writeFileSync(file, stringify(raw));
      const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'index.js')], {
        env: { ...process.env, LIBRARY_CONFIG: file, PORT: '0', DATA_DIR: folder },
        encoding: 'utf8',
        timeout: 45000,
      });
      expect(result.status).to.equal(2);
      expect(result.stderr).to.include(`${file}: librarySystem.kind`);
      expect(result.stdout).to.not.include('ready');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses an app id without its secret, and runs local mode on loopback only', () => {
    expect(() => readRuntimeSettings({ MicrosoftAppId: 'app' })).to.throw(
      RuntimeSettingsError,
      /MicrosoftAppPassword/,
    );
    const local = readRuntimeSettings({ HOST: '0.0.0.0' });
    expect(local.localMode).to.equal(true);
    expect(local.host).to.equal('127.0.0.1');
    const production = readRuntimeSettings({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      PATRON_KEY_SECRET: 'a-test-patron-key-secret-32-chars-long',
    });
    expect(production.localMode).to.equal(false);
    expect(production.host).to.equal('0.0.0.0');
    expect(() => readRuntimeSettings({ PORT: 'eighty' })).to.throw(RuntimeSettingsError, /PORT/);
  });
});
