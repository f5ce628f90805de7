// The container runs the bot as `npm start` does (and as bench/load.ts measures it): the same Node
// options and the same malloc setting, so a figure in the README holds for the deployed bot.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmStartCommand, parseStartCommand } from '../../bench/support/startCommand';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
/** The runtime stage: after the last FROM. */
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

/** The exec-form CMD that starts the bot (not the HEALTHCHECK's). */
function dockerCommand(): string[] {
  const match = /^CMD (\[.*\])\s*$/m.exec(runtimeStage);
  expect(match, 'a CMD line in the runtime stage').to.not.equal(null);
  return JSON.parse(match![1]) as string[];
}

/** NAME=value pairs of the runtime stage's ENV instructions (with line continuations). */
function dockerEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const match of runtimeStage.matchAll(/^ENV ((?:.*\\\n)*.*)$/gm)) {
    for (const pair of match[1].replace(/\\\n/g, ' ').trim().split(/\s+/)) {
      const [name, ...value] = pair.split('=');
      environment[name] = value.join('=');
    }
  }
  return environment;
}

describe('How the bot is started', () => {
  it('reads the variables, the Node options and the script of a start script', () => {
    expect(
      parseStartCommand(
        'tsc -b tsconfig.json && A=1 B=x=y node --max-old-space-size=256 --v8-pool-size=1 dist/index.js',
      ),
    ).to.deep.equal({
      nodeOptions: ['--max-old-space-size=256', '--v8-pool-size=1'],
      environment: { A: '1', B: 'x=y' },
      script: 'dist/index.js',
    });
    expect(() => parseStartCommand('tsc -b && echo hi')).to.throw(/no node command/);
  });

  it('runs dist/index.js with one V8 helper thread and a capped heap under npm start', () => {
    const start = npmStartCommand(REPO_ROOT);
    expect(start.script).to.equal('dist/index.js');
    expect(start.nodeOptions).to.include.members([
      '--v8-pool-size=1',
      '--max-old-space-size=256',
      '--max-semi-space-size=16',
    ]);
    expect(start.environment).to.deep.equal({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('starts the container the same way: the same Node options and the same malloc settings', () => {
    const start = npmStartCommand(REPO_ROOT);
    expect(dockerCommand()).to.deep.equal(['node', ...start.nodeOptions, start.script]);
    const environment = dockerEnvironment();
    for (const [name, value] of Object.entries(start.environment))
      expect(environment[name], name).to.equal(value);
  });
});
