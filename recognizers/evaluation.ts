// Measuring a classifier: per-intent precision/recall/F1, in-scope accuracy, out-of-scope recall and
// precision, the most frequent confusions, and the CLINC150 protocol (Larson et al. 2019).
import { readFileSync } from 'node:fs';
import {
  IntentClassifier,
  NONE,
  OUT_OF_SCOPE_LABELS,
  defaultIntentClassifierOptions,
  type IntentClassifierOptions,
  type LabelledExample,
} from './intentClassifier';

export interface EvaluationReport {
  perIntent: { intent: string; precision: number; recall: number; f1: number; support: number }[];
  /** Share of in-scope test messages given their exact intent (out-of-scope answers count as wrong). */
  accuracy: number;
  oosRecall: number;
  oosPrecision: number;
  confusions: { expected: string; predicted: string; count: number }[];
  total: number;
}

export interface EvaluationOptions {
  /**
   * Labels that are all "out of scope" for the summary figures (default: None and CLINC's oos). The
   * library's held-out split adds `library.other`: library questions the bot declines honestly, which
   * were None before they had an intent of their own. Per-intent rows still show each label.
   */
  outOfScope?: ReadonlySet<string>;
}

export function evaluate(
  classify: (text: string) => string,
  test: LabelledExample[],
  options: EvaluationOptions = {},
): EvaluationReport {
  const outside = options.outOfScope ?? new Set([NONE]);
  let oosExpected = 0;
  let oosRight = 0;
  let oosPredicted = 0;
  const stats = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const stat = (intent: string) => {
    let s = stats.get(intent);
    if (!s) stats.set(intent, (s = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return s;
  };
  const confusions = new Map<string, number>();
  let inScope = 0;
  let inScopeRight = 0;
  for (const example of test) {
    const expected = OUT_OF_SCOPE_LABELS.has(example.intent) ? NONE : example.intent;
    const predicted = classify(example.text);
    stat(expected).support++;
    if (predicted === expected) stat(expected).tp++;
    else {
      stat(expected).fn++;
      stat(predicted).fp++;
      const key = `${expected}\u0000${predicted}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (outside.has(predicted)) oosPredicted++;
    if (outside.has(expected)) {
      oosExpected++;
      if (outside.has(predicted)) oosRight++;
    } else {
      inScope++;
      if (predicted === expected) inScopeRight++;
    }
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const perIntent = [...stats.entries()]
    .filter(([, s]) => s.support > 0 || s.fp > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([intent, s]) => {
      const precision = ratio(s.tp, s.tp + s.fp);
      const recall = ratio(s.tp, s.tp + s.fn);
      const f1 = ratio(2 * precision * recall, precision + recall);
      return { intent, precision, recall, f1, support: s.support };
    });
  return {
    perIntent,
    accuracy: ratio(inScopeRight, inScope),
    oosRecall: ratio(oosRight, oosExpected),
    oosPrecision: ratio(oosRight, oosPredicted),
    confusions: [...confusions.entries()]
      .map(([key, count]) => {
        const [expected, predicted] = key.split('\u0000');
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count || (a.expected + a.predicted < b.expected + b.predicted ? -1 : 1))
      .slice(0, 15),
    total: test.length,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** The human-readable report; its last line is the machine-readable summary the CLI contract fixes. */
export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [];
  const width = Math.max(6, ...report.perIntent.map((p) => p.intent.length));
  lines.push(`${'intent'.padEnd(width)}  precision  recall  f1     support`);
  for (const p of report.perIntent) {
    lines.push(
      `${p.intent.padEnd(width)}  ${f3(p.precision).padEnd(9)}  ${f3(p.recall).padEnd(6)}  ${f3(p.f1).padEnd(5)}  ${p.support}`,
    );
  }
  lines.push('');
  lines.push(`messages: ${report.total}`);
  lines.push(`in-scope accuracy: ${f3(report.accuracy)}`);
  lines.push(`out-of-scope recall: ${f3(report.oosRecall)}  precision: ${f3(report.oosPrecision)}`);
  if (report.confusions.length) {
    lines.push('most frequent confusions (expected -> predicted):');
    for (const c of report.confusions) lines.push(`  ${c.count}  ${c.expected} -> ${c.predicted}`);
  }
  lines.push(
    `accuracy=${f3(report.accuracy)} oos_recall=${f3(report.oosRecall)} oos_precision=${f3(report.oosPrecision)}`,
  );
  return lines.join('\n');
}

/** Reads `{"text", "intent"}` JSON lines; a bad line is reported with its number. */
export function readJsonLines(path: string): LabelledExample[] {
  const examples: LabelledExample[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
      const record = parsed as { text?: unknown; intent?: unknown };
      if (typeof record.text !== 'string' || typeof record.intent !== 'string') {
        throw new Error(`${path}:${i + 1}: expected {"text": "...", "intent": "..."}`);
      }
      examples.push({ text: record.text, intent: record.intent });
    });
  return examples;
}

/**
 * Settings for CLINC150: no spelling correction (its queries are typed carefully), feature dropout in
 * training, threshold by validation accuracy on the top probability times its odds against None.
 */
export const clincOptions: IntentClassifierOptions = {
  ...defaultIntentClassifierOptions,
  model: { ...defaultIntentClassifierOptions.model, dropout: 0.3 },
  spelling: false,
  thresholdObjective: 'accuracy',
  confidence: 'topTimesVersusNone',
};

export interface ClincFigures {
  inScopeAccuracy: number;
  oosRecall: number;
  trainSeconds: number;
  /** CPU time of training: what it costs when the machine is not shared. */
  trainCpuSeconds: number;
  medianMs: number;
  p99Ms: number;
  peakRssMb: number;
  threshold: number;
  temperature: number;
}

/**
 * CLINC150 "oos-threshold" protocol with the out-of-scope training queries as an extra class:
 * train on train + oos_train, choose temperature and threshold on val + oos_val, report on test.
 */
export function runClinc(
  path: string,
  options: IntentClassifierOptions = clincOptions,
  peakRss: () => number = () => process.memoryUsage().rss,
): ClincFigures {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, [string, string][]>;
  const part = (key: string): LabelledExample[] =>
    (raw[key] ?? []).map(([text, intent]) => ({ text, intent }));
  const train = [...part('train'), ...part('oos_train')];
  const validation = [...part('val'), ...part('oos_val')];
  const test = [...part('test'), ...part('oos_test')];
  if (train.length === 0 || test.length === 0) throw new Error(`${path}: no "train" or "test" data`);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const classifier = IntentClassifier.train(train, options, validation);
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const trainCpuSeconds = (used.user + used.system) / 1e6;
  const times: number[] = [];
  const report = evaluate((text) => {
    const t0 = process.hrtime.bigint();
    const { intent } = classifier.classify(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return intent;
  }, test);
  return {
    inScopeAccuracy: report.accuracy,
    oosRecall: report.oosRecall,
    trainSeconds,
    trainCpuSeconds,
    medianMs: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    peakRssMb: peakRss() / 1024 / 1024,
    threshold: classifier.calibration.threshold,
    temperature: classifier.calibration.temperature,
  };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
