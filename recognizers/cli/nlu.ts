// The recognizer's command line (`npm run -s nlu -- <command>`); its output formats are a contract.
//   classify                                  stdin lines -> one JSON object per line
//   eval --test FILE.jsonl [--train FILE.jsonl] per-intent report, last line accuracy=... oos_recall=...
//   eval --heldout [--language es]             the library model on each language's held-out split
//   clinc PATH/data_full.json                  CLINC150 protocol, last line in_scope_accuracy=...
//   language                                   the language reading on short messages and held-out splits
// The library configuration is LIBRARY_CONFIG or config/demo-library.yaml.
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { resourceUsage } from 'node:process';
import { loadLibraryConfig, LibraryConfigError } from '../../config/libraryConfig';
import {
  corpusLanguages,
  DEFAULT_CORPUS_DIRECTORY,
  heldOutSplits,
  LIBRARY_OUT_OF_SCOPE,
  readHeldOut,
} from '../corpus';
import { clincOptions, evaluate, formatReport, readJsonLines, runClinc } from '../evaluation';
import { IntentClassifier, defaultIntentClassifierOptions } from '../intentClassifier';
import { createLibraryRecognizer } from '../libraryRecognizer';
import { evaluateLanguageId, formatLanguageIdReport } from '../languageIdEvaluation';

const USAGE = `usage:
  nlu classify < messages.txt
  nlu eval --test FILE.jsonl [--train FILE.jsonl]
  nlu eval --heldout [--language en|es]
  nlu clinc PATH/data_full.json
  nlu language`;

function libraryConfig() {
  return loadLibraryConfig(
    process.env.LIBRARY_CONFIG ?? resolve(__dirname, '../../../config/demo-library.yaml'),
  ).config;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a file name`);
  return value;
}

class UsageError extends Error {}

async function classify(): Promise<void> {
  const recognizer = createLibraryRecognizer(libraryConfig());
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = recognizer.recognize(line);
    process.stdout.write(
      `${JSON.stringify({ text: line, intent: result.intent, score: Number(result.score.toFixed(4)), entities: result.entities })}\n`,
    );
  }
}

function evalCommand(args: string[]): void {
  if (args.includes('--heldout')) {
    const config = libraryConfig();
    const recognizer = createLibraryRecognizer(config, { preloadDateModel: false });
    const classify = (text: string) => recognizer.recognize(text).intent;
    const now = new Date();
    // English (the corpus's own heldout/) first, then each language folder's; --language picks one.
    const wanted = option(args, '--language');
    const languages = [undefined, ...corpusLanguages(DEFAULT_CORPUS_DIRECTORY)].filter(
      (language) => !wanted || (language ?? 'en') === wanted,
    );
    const splits = languages.flatMap((language) =>
      heldOutSplits(DEFAULT_CORPUS_DIRECTORY, language).map((split) => ({ language, split })),
    );
    for (const { language, split } of splits) {
      const heldOut = readHeldOut(config, DEFAULT_CORPUS_DIRECTORY, language, split);
      if (splits.length > 1)
        console.log(`\n== held-out split: ${language ?? 'en'} ${split} (${heldOut.length} messages)`);
      // The message alone (a first message, no hint), then in a conversation in that language.
      const alone = evaluate(classify, heldOut, { outOfScope: LIBRARY_OUT_OF_SCOPE });
      console.log(
        `read alone: in-scope accuracy ${alone.accuracy.toFixed(3)}, out-of-scope recall ${alone.oosRecall.toFixed(3)}`,
      );
      const inConversation = (text: string) => recognizer.recognize(text, now, language ?? 'en').intent;
      const strict = evaluate(inConversation, heldOut);
      console.log(
        `None alone as out of scope: in-scope accuracy ${strict.accuracy.toFixed(3)}, ` +
          `out-of-scope recall ${strict.oosRecall.toFixed(3)}`,
      );
      // Declined honestly either way: a library question the bot cannot answer is out of scope too.
      console.log(`in a conversation in ${language ?? 'en'}:`);
      console.log(formatReport(evaluate(inConversation, heldOut, { outOfScope: LIBRARY_OUT_OF_SCOPE })));
    }
    return;
  }
  const testFile = option(args, '--test');
  if (!testFile) throw new UsageError('eval needs --test FILE.jsonl');
  const trainFile = option(args, '--train');
  const test = readJsonLines(testFile);
  let classify: (text: string) => string;
  if (trainFile) {
    const classifier = IntentClassifier.train(readJsonLines(trainFile), {
      ...defaultIntentClassifierOptions,
      spelling: false,
    });
    classify = (text) => classifier.classify(text).intent;
  } else {
    const recognizer = createLibraryRecognizer(libraryConfig(), { preloadDateModel: false });
    classify = (text) => recognizer.recognize(text).intent;
  }
  console.log(formatReport(evaluate(classify, test)));
}

function clinc(args: string[]): void {
  const path = args[0];
  if (!path) throw new UsageError('clinc needs the path of data_full.json');
  const figures = runClinc(path, clincOptions, () => resourceUsage().maxRSS * 1024);
  console.log(`CLINC150 Full: ${path}`);
  console.log(
    `in-scope accuracy (test, out-of-scope answers count as wrong): ${figures.inScopeAccuracy.toFixed(3)}`,
  );
  console.log(`out-of-scope recall (test): ${figures.oosRecall.toFixed(3)}`);
  console.log(
    `threshold ${figures.threshold.toFixed(3)} and temperature ${figures.temperature.toFixed(3)} chosen on validation`,
  );
  console.log(
    `training ${figures.trainSeconds.toFixed(1)} s (${figures.trainCpuSeconds.toFixed(1)} s of CPU); classification median ${figures.medianMs.toFixed(3)} ms, p99 ${figures.p99Ms.toFixed(3)} ms`,
  );
  console.log(
    `in_scope_accuracy=${figures.inScopeAccuracy.toFixed(3)} oos_recall=${figures.oosRecall.toFixed(3)} ` +
      `train_s=${figures.trainSeconds.toFixed(1)} p99_ms=${figures.p99Ms.toFixed(3)} peak_rss_mb=${Math.round(figures.peakRssMb)}`,
  );
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'classify') return classify();
  if (command === 'eval') return evalCommand(rest);
  if (command === 'clinc') return clinc(rest);
  if (command === 'language') return void console.log(formatLanguageIdReport(evaluateLanguageId()));
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof LibraryConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
