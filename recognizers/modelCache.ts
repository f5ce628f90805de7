// The trained intent model kept on disk, so a restart on an unchanged tree skips training (the larger
// part of startup). The file name is a hash of everything that decides the model: the training
// examples, the options and the recognizer's own code; change any of them and the model is trained
// again. A missing, partial or unreadable file is never an error: it only means training.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IntentClassifier,
  type IntentClassifierOptions,
  type IntentClassifierSnapshot,
  type LabelledExample,
} from './intentClassifier';

/**
 * Trains on `train`, or reads the model trained on exactly the same inputs from `directory`. `name`
 * tells models kept side by side apart (one per language): a new one replaces only its own name's.
 */
export function cachedIntentClassifier(
  train: LabelledExample[],
  options: IntentClassifierOptions,
  directory: string,
  name = 'model',
): IntentClassifier {
  const prefix = `intent-model.${name}.`;
  const file = join(directory, `${prefix}${modelKey(train, options)}.json`);
  const cached = readSnapshot(file);
  if (cached) return cached;
  const classifier = IntentClassifier.train(train, options);
  writeSnapshot(directory, file, prefix, classifier.toSnapshot());
  return classifier;
}

function modelKey(train: LabelledExample[], options: IntentClassifierOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const { text, intent, group } of train)
    hash.update(`${intent}\u0000${group ?? ''}\u0000${text}\u0001`);
  // The code that turns examples into a model (normalising, features, training) is part of the key.
  for (const name of readdirSync(__dirname).sort())
    if (/\.(js|ts)$/.test(name)) hash.update(readFileSync(join(__dirname, name)));
  // ... and what it uses from elsewhere: the training's random numbers and natural's stemmer.
  hash.update(readFileSync(require.resolve('../library/seededRandom')));
  hash.update(readFileSync(require.resolve('natural/package.json')));
  return hash.digest('hex').slice(0, 24);
}

function readSnapshot(file: string): IntentClassifier | undefined {
  try {
    return IntentClassifier.fromSnapshot(JSON.parse(readFileSync(file, 'utf8')) as IntentClassifierSnapshot);
  } catch {
    return undefined;
  }
}

function writeSnapshot(
  directory: string,
  file: string,
  prefix: string,
  snapshot: IntentClassifierSnapshot,
): void {
  try {
    mkdirSync(directory, { recursive: true });
    // Written aside and renamed: another instance starting at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(snapshot));
    renameSync(partial, file);
    for (const name of readdirSync(directory))
      if (name.startsWith(prefix) && name.endsWith('.json') && join(directory, name) !== file)
        rmSync(join(directory, name), { force: true });
  } catch {
    // A read-only or full disk costs the next start its training time, nothing else.
  }
}
