// How `npm start` runs the bot, read from package.json's start script, so the load bench runs both
// bots the way the bot is served (and a deployment test holds the Dockerfile to the same).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartCommand {
  /** Node's options before the script, e.g. `--max-old-space-size=256`. */
  nodeOptions: string[];
  /** Variables set on the command line, e.g. MALLOC_ARENA_MAX. */
  environment: Record<string, string>;
  /** The script node runs. */
  script: string;
}

/** The `VAR=value ... node --option ... script` part of a start script (after any `&&`). */
export function parseStartCommand(startScript: string): StartCommand {
  const command = startScript.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  const nodeAt = command.indexOf('node');
  if (nodeAt < 0) throw new Error(`no node command in "${startScript}"`);
  const environment: Record<string, string> = {};
  for (const word of command.slice(0, nodeAt)) {
    const [name, ...value] = word.split('=');
    environment[name] = value.join('=');
  }
  const rest = command.slice(nodeAt + 1);
  const scriptAt = rest.findIndex((word) => !word.startsWith('-'));
  return { nodeOptions: rest.slice(0, scriptAt), environment, script: rest[scriptAt] };
}

/** From this repository's package.json (`root` the repository's folder). */
export function npmStartCommand(root = join(__dirname, '..', '..', '..')): StartCommand {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return parseStartCommand(pkg.scripts.start);
}
