// CLINC150 benchmark: `node dist/bench/clinc.js [PATH/data_full.json]` prints the paper's two figures,
// training time, latency and peak memory for the recognizer's default settings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { clincOptions, runClinc } from '../recognizers/evaluation';

// The public data set lives beside the repository (../shared/data), not in it; dist/bench is two deeper.
const path =
  process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'clinc150', 'data_full.json');
if (!existsSync(path)) {
  console.error(
    `CLINC150 data not found at ${path}. Pass the path to data_full.json (from the CLINC150 release) as the first argument.`,
  );
  process.exit(2);
}
const options = JSON.parse(JSON.stringify(clincOptions)) as typeof clincOptions;
// Experiments: BENCH_OPTIONS='{"model":{"epochs":8}}' overrides parts of the defaults.
const overrides = JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as Record<
  string,
  Record<string, unknown> | boolean | number
>;
for (const [key, value] of Object.entries(overrides)) {
  const target = options as unknown as Record<string, unknown>;
  target[key] = typeof value === 'object' ? { ...(target[key] as object), ...value } : value;
}
const figures = runClinc(path, options, () => resourceUsage().maxRSS * 1024);
console.log(`CLINC150 Full (${path})`);
console.log(`threshold=${figures.threshold.toFixed(3)} temperature=${figures.temperature.toFixed(3)}`);
console.log(`median_ms=${figures.medianMs.toFixed(3)} train_cpu_s=${figures.trainCpuSeconds.toFixed(1)}`);
console.log(
  `in_scope_accuracy=${figures.inScopeAccuracy.toFixed(3)} oos_recall=${figures.oosRecall.toFixed(3)} ` +
    `train_s=${figures.trainSeconds.toFixed(1)} p99_ms=${figures.p99Ms.toFixed(3)} peak_rss_mb=${Math.round(figures.peakRssMb)}`,
);
