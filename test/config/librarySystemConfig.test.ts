// The librarySystem section of the library's YAML: the SIP2 and SRU keys exactly as the issue writes
// them, with clear messages for what is wrong.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LibraryConfigError, validateLibraryConfig, type LibraryConfig } from '../../config/libraryConfig';
import { DEMO_CONFIG_PATH } from '../support/testBot';

/** The block from issue 12, verbatim. */
const issueYaml = `
librarySystem:
  kind: sip2
  host: ils.example.org
  port: 6001
  tls: true
  institution: RIVERBEND
  locationCode: BOT          # CP in the login message
  loginUserEnv: SIP2_USER
  loginPasswordEnv: SIP2_PASSWORD
  encoding: utf8             # utf8 | cp1252 | cp850
  errorDetection: true
  timeoutMs: 5000
  catalog:                   # optional
    kind: sru
    url: https://ils.example.org/sru/biblios
    holdings: { tag: "952", barcode: p, branch: a, callNumber: o }
branches:
  - id: main
    ilsCode: MAIN            # the SIP2 location / pickup code of this branch
`;

function withLibrarySystem(
  librarySystem: unknown,
  ilsCodes: Record<string, string> = {},
): Record<string, unknown> {
  const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  raw.librarySystem = librarySystem;
  for (const branch of raw.branches as Record<string, unknown>[]) {
    const code = ilsCodes[branch.id as string];
    if (code) branch.ilsCode = code;
  }
  return raw;
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

describe('Library configuration: librarySystem', () => {
  it('accepts the SIP2 and SRU keys exactly as issue 12 writes them', () => {
    const block = parse(issueYaml) as { librarySystem: unknown; branches: { id: string; ilsCode: string }[] };
    const config: LibraryConfig = validateLibraryConfig(
      withLibrarySystem(block.librarySystem, { main: block.branches[0].ilsCode }),
      'library.yaml',
    );
    expect(config.librarySystem).to.deep.equal({
      kind: 'sip2',
      host: 'ils.example.org',
      port: 6001,
      tls: true,
      institution: 'RIVERBEND',
      locationCode: 'BOT',
      loginUserEnv: 'SIP2_USER',
      loginPasswordEnv: 'SIP2_PASSWORD',
      encoding: 'utf8',
      errorDetection: true,
      timeoutMs: 5000,
      vendor: 'other',
      catalog: {
        kind: 'sru',
        url: 'https://ils.example.org/sru/biblios',
        holdings: { tag: '952', barcode: 'p', branch: 'a', callNumber: 'o' },
      },
    });
    expect(config.branches.find((b) => b.id === 'main')?.ilsCode).to.equal('MAIN');
  });

  it('fills the defaults: TLS on, UTF-8, error detection, 5 s, Koha holdings, no catalog', () => {
    const config = validateLibraryConfig(
      withLibrarySystem({
        kind: 'sip2',
        host: 'ils',
        port: 6001,
        institution: 'X',
        loginUserEnv: 'U',
        loginPasswordEnv: 'P',
      }),
      'library.yaml',
    );
    expect(config.librarySystem).to.deep.include({
      tls: true,
      encoding: 'utf8',
      errorDetection: true,
      timeoutMs: 5000,
    });
    expect(config.librarySystem).to.not.have.property('catalog');
    const withCatalog = validateLibraryConfig(
      withLibrarySystem({
        kind: 'sip2',
        host: 'ils',
        port: 6001,
        institution: 'X',
        loginUserEnv: 'U',
        loginPasswordEnv: 'P',
        catalog: { kind: 'sru', url: 'http://ils/sru' },
      }),
      'library.yaml',
    );
    expect(
      withCatalog.librarySystem.kind === 'sip2' && withCatalog.librarySystem.catalog?.holdings,
    ).to.deep.equal({
      tag: '952',
      barcode: 'p',
      branch: 'a',
      callNumber: 'o',
    });
  });

  it('says what is wrong with each field', () => {
    const problems = problemsOf(
      withLibrarySystem(
        {
          kind: 'sip2',
          port: 70000,
          institution: 'X',
          loginUserEnv: 'my secret password!',
          loginPasswordEnv: 'SIP2_PASSWORD',
          encoding: 'latin9',
          timeoutMs: 0,
          pin: '1234',
          catalog: { kind: 'sru', url: 'ftp://ils/sru', holdings: { tag: '95', barcode: 'pp', branch: 'a' } },
        },
        { main: 'MAIN', eastside: 'main' },
      ),
    );
    const expected = [
      'library.yaml: librarySystem.host: expected string, got undefined',
      'library.yaml: librarySystem.port: expected a port number from 1 to 65535',
      'library.yaml: librarySystem.loginUserEnv: expected the name of an environment variable such as "SIP2_USER" (not the secret itself)',
      'library.yaml: librarySystem.encoding: expected one of "utf8", "cp1252", "cp850"',
      'library.yaml: librarySystem.timeoutMs: expected milliseconds, more than 0',
      'library.yaml: librarySystem: unknown field(s) "pin"',
      'library.yaml: librarySystem.catalog.url: expected an http(s) URL',
      'library.yaml: librarySystem.catalog.holdings.tag: expected a MARC tag such as "952" (Koha) or "852"',
      'library.yaml: librarySystem.catalog.holdings.barcode: expected a subfield code such as "p"',
    ];
    for (const line of expected) expect(problems, problems.join('\n')).to.include(line);
  });

  it('refuses an unknown kind and two branches with one ILS code', () => {
    expect(problemsOf(withLibrarySystem({ kind: 'card-catalogue' }))).to.include(
      'library.yaml: librarySystem.kind: expected one of "demo", "sip2"',
    );
    const problems = problemsOf(withLibrarySystem({ kind: 'demo' }, { main: 'MAIN', eastside: 'main' }));
    expect(problems).to.include(
      'library.yaml: branches[1].ilsCode: expected an ilsCode no other branch has ("main" is also branches[0])',
    );
  });
});
