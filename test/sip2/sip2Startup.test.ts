// Starting the real bot process (dist/index.js) with librarySystem.kind sip2: a wrong login, a port
// nobody listens on, or missing credentials stop it at once with exit code 2 and one line that says
// what to fix, not a stack trace or a crash loop.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG_PATH, temporaryDirectory } from '../support/testBot';
import { Sip2ServerDouble } from './sip2ServerDouble';
import { sip2Login } from './sip2World';

const REPO_ROOT = join(__dirname, '..', '..', '..');

function run(
  env: Record<string, string>,
): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'index.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr, stdout });
    });
  });
}

// A start-up on a busy machine can take many seconds: the child gets 45 s before it counts as hung.
describe('bot startup with a SIP2 library system', function () {
  this.timeout(60000);
  let folder: string;
  let file: string;
  let double: Sip2ServerDouble;

  function writeConfig(port: number): void {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
    raw.librarySystem = {
      kind: 'sip2',
      host: '127.0.0.1',
      port,
      tls: false,
      institution: 'RIVERBEND',
      locationCode: 'BOT',
      loginUserEnv: 'SIP2_USER',
      loginPasswordEnv: 'SIP2_PASSWORD',
      timeoutMs: 2000,
    };
    writeFileSync(file, stringify(raw));
  }

  beforeEach(async () => {
    folder = temporaryDirectory();
    file = join(folder, 'library.yaml');
    double = await Sip2ServerDouble.start({ login: sip2Login });
  });
  afterEach(async () => {
    await double.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const base = () => ({ LIBRARY_CONFIG: file, PORT: '0', DATA_DIR: folder, LOG_FORMAT: 'json' });

  function expectOneClearLine(stderr: string, text: string): void {
    const lines = stderr
      .split('\n')
      .filter(
        (line) =>
          line.trim() !== '' && !line.includes('DeprecationWarning') && !line.includes('--trace-deprecation'),
      );
    expect(lines, stderr).to.have.length(1);
    expect(lines[0]).to.equal(`${file}: ${text}`);
    expect(stderr).to.not.match(/\n\s+at /);
  }

  it('stops with exit code 2 and one line when the SIP2 login is refused', async () => {
    writeConfig(double.port);
    const result = await run({ ...base(), SIP2_USER: 'bot', SIP2_PASSWORD: 'wrong-password' });
    expect(result.status).to.equal(2);
    expectOneClearLine(
      result.stderr,
      `librarySystem: the SIP2 server at 127.0.0.1:${double.port} refused the login (check the user and password in SIP2_USER and SIP2_PASSWORD, and locationCode)`,
    );
    expect(result.stderr).to.not.include('wrong-password');
    expect(double.stats.logins).to.equal(0);
  });

  it('stops with exit code 2 and one line when nothing listens at the host and port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    writeConfig(port);
    const result = await run({ ...base(), SIP2_USER: sip2Login.user, SIP2_PASSWORD: sip2Login.password });
    expect(result.status).to.equal(2);
    expectOneClearLine(
      result.stderr,
      `librarySystem.host: cannot connect to the SIP2 server at 127.0.0.1:${port} (connection refused: is the port right and the SIP2 server running?)`,
    );
  });

  it('stops with exit code 2 and one line when the login variables are not set', async () => {
    writeConfig(double.port);
    const result = await run({ ...base(), SIP2_USER: 'bot' });
    expect(result.status).to.equal(2);
    expectOneClearLine(result.stderr, 'librarySystem.kind is "sip2" but SIP2_PASSWORD is not set');
    expect(double.stats.connections).to.equal(0);
  });
});
