// Latency of the library recognizer: `node dist/bench/latency.js` trains the demo library's model
// (timing it), then times classification alone and full recognition (entities included) on a
// 40-word message and on a set of short patron messages.
import { resolve } from 'node:path';
import { loadLibraryConfig } from '../config/libraryConfig';
import { percentile } from '../recognizers/evaluation';
import { IntentClassifier } from '../recognizers/intentClassifier';
import { buildLibraryTrainingSet } from '../recognizers/corpus';
import { createLibraryRecognizer, libraryClassifierOptions } from '../recognizers/libraryRecognizer';

const configPath = process.env.LIBRARY_CONFIG ?? resolve(__dirname, '../../config/demo-library.yaml');
const { config } = loadLibraryConfig(configPath);

const forty =
  'hi there, my son has a big science project due on monday and he needs to use the computers and the printer, ' +
  'so could you please tell me what time the eastside branch closes tonight and whether you are open tomorrow morning';
const short = [
  'wat time u open 2day',
  'is my book ready',
  'put The Midnight Library by Matt Haig on hold',
  'storytime for my 5 year old this weekend at oak hill',
  'can i book a study room',
  'are you open dec 24',
  'talk to a person',
  'thanks!',
];

/**
 * Wall-clock time includes moments the process waited for a core (this machine is shared), so the
 * CPU time each call used is reported too: it is what the call costs on an idle machine.
 */
function time(label: string, runs: number, work: () => void): void {
  for (let i = 0; i < 200; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    work();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const f = (values: number[], q: number) => percentile(values, q).toFixed(3);
  console.log(
    `${label} (n=${runs}): wall median_ms=${f(wall, 0.5)} p99_ms=${f(wall, 0.99)}; ` +
      `cpu median_ms=${f(cpu, 0.5)} p99_ms=${f(cpu, 0.99)}`,
  );
}

const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const recognizer = createLibraryRecognizer(config);
const startupMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const classifier = IntentClassifier.train(buildLibraryTrainingSet(config).train, libraryClassifierOptions);
console.log(`words in the long message: ${forty.split(/\s+/).length}`);
console.log(
  `startup (train + date model): wall_ms=${startupMs.toFixed(0)} cpu_ms=${((cpu.user + cpu.system) / 1000).toFixed(0)}`,
);
time('classify, 40-word message', 2000, () => classifier.classify(forty));
time('recognize (with entities), 40-word message', 2000, () => recognizer.recognize(forty));
let i = 0;
time('classify, short messages', 4000, () => classifier.classify(short[i++ % short.length]));
time('recognize (with entities), short messages', 4000, () =>
  recognizer.recognize(short[i++ % short.length]),
);
