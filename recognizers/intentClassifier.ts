// Text in, calibrated intent probabilities out: normalisation, TF-IDF features and the linear model,
// plus the out-of-scope decision. Knows nothing about libraries; the CLI and benchmarks use it on
// public data sets too.
import {
  FeatureSpace,
  defaultFeatureOptions,
  type FeatureOptions,
  type FeatureSpaceSnapshot,
  type SparseVector,
} from './features';
import {
  LinearModel,
  defaultLinearModelOptions,
  softmax,
  type LinearModelOptions,
  type LinearModelSnapshot,
} from './linearModel';
import { SpellingCorrector, normalizeText } from './normalize';

export interface LabelledExample {
  text: string;
  intent: string;
  /**
   * Examples sharing a group (the variants one corpus template line expands to) stay on the same
   * side of the tuning split, so tuning never sees near-copies of what the model trained on.
   */
  group?: string;
}

/** The label out-of-scope examples carry after loading ("oos" in CLINC150 is read as this). */
export const NONE = 'None';
export const OUT_OF_SCOPE_LABELS = new Set(['None', 'none', 'oos', 'out_of_scope']);

export interface IntentClassifierOptions {
  features: FeatureOptions;
  model: LinearModelOptions;
  /** Correct words unseen in training that are one edit away from a training word. */
  spelling: boolean;
  /** Part of the training examples held back to tune temperature and threshold, when no validation set is given. */
  tuneFraction: number;
  /**
   * How the out-of-scope threshold is chosen on the tuning data: `balanced` maximises in-scope
   * accuracy + out-of-scope recall (each counts equally however rare out-of-scope examples are);
   * `accuracy` maximises accuracy over all tuning messages, as the CLINC150 paper does.
   */
  thresholdObjective: 'balanced' | 'accuracy';
  /**
   * The confidence the threshold applies to, when the model has a None class. `versusNone`: the top
   * intent's probability against out of scope, p / (p + p(None)). `topTimesVersusNone`: that times p
   * itself, so a message is also doubted when its probability is spread over several intents.
   * Without a None class both are the top probability.
   */
  confidence: 'versusNone' | 'topTimesVersusNone';
}

export const defaultIntentClassifierOptions: IntentClassifierOptions = {
  features: defaultFeatureOptions,
  model: defaultLinearModelOptions,
  spelling: true,
  tuneFraction: 0.2,
  thresholdObjective: 'balanced',
  confidence: 'versusNone',
};

export interface IntentScores {
  intent: string;
  score: number;
  /** Every intent's probability (the out-of-scope class included when trained with one). */
  scores: Record<string, number>;
  normalizedText: string;
}

export interface Calibration {
  temperature: number;
  /** A message whose best in-scope probability is below this is out of scope (0: never). */
  threshold: number;
}

/** A trained classifier as plain JSON-able data: what the model cache stores. */
export interface IntentClassifierSnapshot {
  intents: string[];
  space: FeatureSpaceSnapshot;
  model: LinearModelSnapshot;
  spellingWords?: [string, number][];
  calibration: Calibration;
  confidence: IntentClassifierOptions['confidence'];
}

export class IntentClassifier {
  private constructor(
    readonly intents: string[],
    private readonly space: FeatureSpace,
    private readonly model: LinearModel,
    private readonly corrector: SpellingCorrector | undefined,
    readonly calibration: Calibration,
    private readonly confidenceKind: IntentClassifierOptions['confidence'] = 'versusNone',
  ) {
    this.noneIndex = intents.indexOf(NONE);
  }

  private readonly noneIndex: number;

  /**
   * Trains on `train`. The temperature and out-of-scope threshold are tuned on `validation`, or, when
   * none is given, on a stratified part of `train` before retraining on all of it. Without any
   * out-of-scope example in the data nothing is ever rejected.
   */
  static train(
    train: LabelledExample[],
    options: IntentClassifierOptions = defaultIntentClassifierOptions,
    validation?: LabelledExample[],
  ): IntentClassifier {
    const examples = train.map(canonical);
    if (examples.length === 0) throw new Error('no training examples');
    if (validation) {
      const classifier = IntentClassifier.fit(examples, options, { temperature: 1, threshold: 0 });
      return classifier.withCalibration(
        classifier.tune(validation.map(canonical), options.thresholdObjective),
      );
    }
    const { fit, tune } = stratifiedSplit(examples, options.tuneFraction, options.model.seed);
    let calibration: Calibration = { temperature: 1, threshold: 0 };
    if (tune.length > 0 && fit.length > 0) {
      calibration = IntentClassifier.fit(fit, options, calibration).tune(tune, options.thresholdObjective);
    }
    return IntentClassifier.fit(examples, options, calibration);
  }

  private static fit(
    examples: LabelledExample[],
    options: IntentClassifierOptions,
    calibration: Calibration,
  ): IntentClassifier {
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    const labelOf = new Map(intents.map((intent, i) => [intent, i]));
    const documents = examples.map(
      (e) => normalizeText(e.text, undefined, options.features.normalization).tokens,
    );
    let corrector: SpellingCorrector | undefined;
    if (options.spelling) {
      const counts = new Map<string, number>();
      for (const tokens of documents)
        for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      corrector = new SpellingCorrector(counts);
    }
    const space = FeatureSpace.fit(documents, options.features);
    const vectors = documents.map((tokens) => space.vectorize(tokens));
    const labels = Int32Array.from(examples, (e) => labelOf.get(e.intent) ?? 0);
    const model = LinearModel.train(vectors, labels, space.size, intents.length, options.model);
    return new IntentClassifier(intents, space, model, corrector, calibration, options.confidence);
  }

  toSnapshot(): IntentClassifierSnapshot {
    return {
      intents: this.intents,
      space: this.space.toSnapshot(),
      model: this.model.toSnapshot(),
      ...(this.corrector ? { spellingWords: this.corrector.wordCounts() } : {}),
      calibration: this.calibration,
      confidence: this.confidenceKind,
    };
  }

  static fromSnapshot(snapshot: IntentClassifierSnapshot): IntentClassifier {
    const space = FeatureSpace.fromSnapshot(snapshot.space);
    const model = LinearModel.fromSnapshot(snapshot.model);
    if (model.numFeatures !== space.size || model.numClasses !== snapshot.intents.length)
      throw new Error('model snapshot: sizes do not match');
    const corrector = snapshot.spellingWords
      ? new SpellingCorrector(new Map(snapshot.spellingWords))
      : undefined;
    return new IntentClassifier(
      snapshot.intents,
      space,
      model,
      corrector,
      snapshot.calibration,
      snapshot.confidence,
    );
  }

  private withCalibration(calibration: Calibration): IntentClassifier {
    return new IntentClassifier(
      this.intents,
      this.space,
      this.model,
      this.corrector,
      calibration,
      this.confidenceKind,
    );
  }

  private vectorOf(text: string): { vector: SparseVector; normalizedText: string } {
    const normalized = normalizeText(text, this.corrector?.correct, this.space.options.normalization);
    return { vector: this.space.vectorize(normalized.tokens), normalizedText: normalized.text };
  }

  /** Raw model scores (before temperature and softmax), in `intents` order. */
  logits(text: string): Float64Array {
    return this.model.logits(this.vectorOf(text).vector);
  }

  /** Calibrated probabilities of every trained intent, in `intents` order. */
  probabilities(text: string): { probabilities: Float64Array; normalizedText: string } {
    const { vector, normalizedText } = this.vectorOf(text);
    const probabilities = softmax(this.model.logits(vector), this.calibration.temperature);
    return { probabilities, normalizedText };
  }

  classify(text: string): IntentScores {
    const { probabilities, normalizedText } = this.probabilities(text);
    const scores: Record<string, number> = {};
    this.intents.forEach((intent, i) => (scores[intent] = probabilities[i]));
    return { ...this.decide(probabilities), scores, normalizedText };
  }

  /** How sure the model is of its top in-scope intent `top` (see IntentClassifierOptions.confidence). */
  private confidence(p: Float64Array, top: number): number {
    if (this.noneIndex < 0) return p[top];
    const versusNone = p[top] / (p[top] + p[this.noneIndex]);
    return this.confidenceKind === 'topTimesVersusNone' ? p[top] * versusNone : versusNone;
  }

  /**
   * The top intent, or out of scope when None is the most likely or the top intent is not confident
   * enough. Confidence (when the model has a None class) is the top intent's probability against out
   * of scope, p / (p + p(None)) (measured on CLINC150 it separates out-of-scope messages better than
   * the top probability alone), optionally times p; else the top probability.
   */
  private decide(p: Float64Array): { intent: string; score: number } {
    let best = -1;
    let bestInScope = -1;
    for (let k = 0; k < p.length; k++) {
      if (best < 0 || p[k] > p[best]) best = k;
      if (k !== this.noneIndex && (bestInScope < 0 || p[k] > p[bestInScope])) bestInScope = k;
    }
    if (best === this.noneIndex) return { intent: NONE, score: p[best] };
    if (this.confidence(p, bestInScope) < this.calibration.threshold)
      return { intent: NONE, score: 1 - p[best] };
    return { intent: this.intents[bestInScope], score: p[bestInScope] };
  }

  /** Fits the temperature by likelihood, then the threshold that best balances in-scope accuracy and out-of-scope recall. */
  private tune(
    examples: LabelledExample[],
    objectiveKind: IntentClassifierOptions['thresholdObjective'],
  ): Calibration {
    const known = examples.filter((e) => e.intent === NONE || this.intents.includes(e.intent));
    const logits = known.map((e) => this.model.logits(this.vectorOf(e.text).vector));
    const labels = known.map((e) => this.intents.indexOf(e.intent));
    const nll = (temperature: number) => {
      let total = 0;
      let count = 0;
      logits.forEach((l, i) => {
        if (labels[i] < 0) return;
        const p = softmax(Float64Array.from(l), temperature);
        total -= Math.log(Math.max(p[labels[i]], 1e-12));
        count++;
      });
      return count ? total / count : 0;
    };
    // Golden-section search on log(temperature): NLL is unimodal in it.
    let lo = Math.log(0.05);
    let hi = Math.log(20);
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 40; i++) {
      const a = hi - phi * (hi - lo);
      const b = lo + phi * (hi - lo);
      if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
      else lo = a;
    }
    const temperature = Math.exp((lo + hi) / 2);
    const hasOutOfScope = known.some((e) => e.intent === NONE);
    if (!hasOutOfScope) return { temperature, threshold: 0 };
    // Each message's answer without a threshold and its confidence: a threshold t rejects exactly the
    // messages with confidence < t, so one sweep over the sorted confidences scores every threshold.
    const unthresholded = this.withCalibration({ temperature, threshold: 0 });
    const rows = logits.map((l, i) => {
      const p = softmax(Float64Array.from(l), temperature);
      const { intent } = unthresholded.decide(p);
      let top = -1;
      for (let k = 0; k < p.length; k++) if (k !== this.noneIndex && (top < 0 || p[k] > p[top])) top = k;
      const confidence = intent === NONE ? -1 : this.confidence(p, top);
      const outOfScope = known[i].intent === NONE;
      return {
        confidence,
        outOfScope,
        rightIfKept: outOfScope ? intent === NONE : intent === known[i].intent,
      };
    });
    rows.sort((a, b) => a.confidence - b.confidence);
    const inScope = rows.filter((r) => !r.outOfScope).length;
    const outOfScope = rows.length - inScope;
    // Threshold 0: everything kept.
    let inScopeRight = rows.filter((r) => !r.outOfScope && r.rightIfKept).length;
    let outOfScopeRight = rows.filter((r) => r.outOfScope && r.rightIfKept).length;
    const objective = () =>
      objectiveKind === 'accuracy'
        ? (inScopeRight + outOfScopeRight) / Math.max(1, inScope + outOfScope)
        : (inScope ? inScopeRight / inScope : 0) + (outOfScope ? outOfScopeRight / outOfScope : 0);
    let bestThreshold = 0;
    let bestObjective = objective();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.confidence < 0) continue; // already None without a threshold
      // Raising the threshold just above this confidence rejects this message.
      if (row.outOfScope) outOfScopeRight++;
      else if (row.rightIfKept) inScopeRight--;
      if (i + 1 < rows.length && rows[i + 1].confidence === row.confidence) continue;
      const value = objective();
      if (value > bestObjective + 1e-9) {
        bestObjective = value;
        // Halfway to the next confidence, so a message just like this one is rejected too.
        const next = i + 1 < rows.length ? rows[i + 1].confidence : 1;
        bestThreshold = (row.confidence + next) / 2;
      }
    }
    return { temperature, threshold: bestThreshold };
  }
}

function canonical(example: LabelledExample): LabelledExample {
  return OUT_OF_SCOPE_LABELS.has(example.intent) ? { ...example, intent: NONE } : example;
}

/** Every intent contributes the same share to the tuning part; order within an intent is seeded. */
export function stratifiedSplit(
  examples: LabelledExample[],
  fraction: number,
  seed: number,
): { fit: LabelledExample[]; tune: LabelledExample[] } {
  const byIntent = new Map<string, LabelledExample[]>();
  for (const e of examples) {
    const list = byIntent.get(e.intent) ?? [];
    list.push(e);
    byIntent.set(e.intent, list);
  }
  const fit: LabelledExample[] = [];
  const tune: LabelledExample[] = [];
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: a seeded shuffle independent of the model's PRNG stream.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (const intent of [...byIntent.keys()].sort()) {
    const groups = new Map<string, LabelledExample[]>();
    for (const e of byIntent.get(intent) ?? []) {
      const key = e.group ?? e.text;
      const list = groups.get(key) ?? [];
      list.push(e);
      groups.set(key, list);
    }
    const list = [...groups.values()];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    const total = list.reduce((n, g) => n + g.length, 0);
    const wanted = list.length >= 3 ? Math.round(total * fraction) : 0;
    let held = 0;
    for (const group of list) {
      if (held < wanted) {
        tune.push(...group);
        held += group.length;
      } else fit.push(...group);
    }
  }
  return { fit, tune };
}
