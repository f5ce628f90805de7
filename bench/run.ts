// Runs every benchmark in bench/ one after another and prints their figures (npm run bench).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benches = readdirSync(__dirname)
  .filter((file) => file.endsWith('.js') && file !== 'run.js')
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.js$/, '')}`);
  const result = spawnSync(process.execPath, [join(__dirname, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
