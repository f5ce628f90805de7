import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const cli = resolve(root, 'dist/recognizers/cli/nlu.js');
const fixtures = resolve(root, 'test/recognizers/fixtures');

/** Runs the built CLI as `npm run -s nlu -- ...` would, after the build. */
function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('recognizers: nlu CLI contract', function () {
  // Each case trains the library model in a child process: slow on a busy machine, never hung.
  this.timeout(60000);
  it('eval --train --test trains on the file and ends with the summary line', async () => {
    const { code, stdout, stderr } = await run([
      'eval',
      '--train',
      `${fixtures}/train.jsonl`,
      '--test',
      `${fixtures}/test.jsonl`,
    ]);
    expect(stderr).to.equal('');
    expect(code).to.equal(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).to.match(
      /^accuracy=\d\.\d{3} oos_recall=\d\.\d{3} oos_precision=\d\.\d{3}$/,
    );
    expect(stdout).to.match(/^hours\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+2$/m);
    expect(stdout).to.include('in-scope accuracy:');
  });

  it('classify writes one JSON object per input line', async () => {
    const input = ['wat time u open 2day', 'put "Dog Man" on hold', '', 'can i book a study room'];
    const { code, stdout } = await run(['classify'], `${input.join('\n')}\n`);
    expect(code).to.equal(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).to.have.length(input.length);
    lines.forEach((line, i) => {
      expect(Object.keys(line)).to.deep.equal(['text', 'intent', 'score', 'entities']);
      expect(line.text).to.equal(input[i]);
      expect(line.score).to.be.a('number').within(0, 1);
    });
    expect(lines[0].intent).to.equal('hours');
    expect(lines[1]).to.deep.include({ intent: 'holds.place', entities: { title: 'Dog Man' } });
    expect(lines[2].intent).to.equal('None');
    expect(lines[3].intent).to.equal('library.other');
  });

  it('explains bad usage on stderr with a non-zero exit', async () => {
    const { code, stderr } = await run(['eval']);
    expect(code).to.equal(2);
    expect(stderr).to.include('eval needs --test FILE.jsonl');
    const missing = await run([
      'eval',
      '--test',
      `${fixtures}/no-such-file.jsonl`,
      '--train',
      `${fixtures}/train.jsonl`,
    ]);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.include('no-such-file.jsonl');
  });
});
