import { expect } from 'chai';
import { resolve } from 'node:path';
import { clincOptions, evaluate, formatReport, readJsonLines } from '../../recognizers/evaluation';
import { FeatureSpace } from '../../recognizers/features';
import { normalizeText } from '../../recognizers/normalize';
import {
  IntentClassifier,
  NONE,
  defaultIntentClassifierOptions,
  stratifiedSplit,
} from '../../recognizers/intentClassifier';

const fixtures = resolve(__dirname, '../../../test/recognizers/fixtures');
const train = readJsonLines(`${fixtures}/train.jsonl`);
const test = readJsonLines(`${fixtures}/test.jsonl`);

describe('recognizers: classifier', () => {
  it("vectorises a message the same whether or not its words were seen before (each token's n-grams are kept)", () => {
    const documents = train.map((e) => normalizeText(e.text).tokens);
    const warmed = FeatureSpace.fit(documents);
    for (const tokens of documents) warmed.vectorize(tokens);
    for (const text of [
      'when do you open tomorrow',
      'renew renew pls',
      'xyzzy frobnicate',
      'open open open',
    ]) {
      const tokens = normalizeText(text).tokens;
      // A feature space from the same snapshot has seen no message yet.
      const fresh = FeatureSpace.fromSnapshot(warmed.toSnapshot()).vectorize(tokens);
      const again = warmed.vectorize(tokens);
      expect(Array.from(again.indices)).to.deep.equal(Array.from(fresh.indices));
      expect(Array.from(again.values)).to.deep.equal(Array.from(fresh.values));
    }
  });

  it('trains deterministically: the same data gives the same probabilities', () => {
    const a = IntentClassifier.train(train);
    const b = IntentClassifier.train([...train]);
    for (const text of ['when do you open', 'renew pls', 'xyzzy', 'hello there']) {
      expect(Array.from(a.probabilities(text).probabilities)).to.deep.equal(
        Array.from(b.probabilities(text).probabilities),
      );
    }
    expect(a.calibration).to.deep.equal(b.calibration);
  });

  it('stays deterministic with feature dropout and the combined confidence (the CLINC150 settings)', () => {
    const a = IntentClassifier.train(train, clincOptions);
    const b = IntentClassifier.train([...train], clincOptions);
    for (const text of ['when do you open', 'renew pls', 'xyzzy']) {
      expect(a.classify(text)).to.deep.equal(b.classify(text));
    }
    expect(a.calibration).to.deep.equal(b.calibration);
    // Dropout draws from the seeded generator: it changes the model, not its repeatability.
    const plain = IntentClassifier.train(train, {
      ...clincOptions,
      model: { ...clincOptions.model, dropout: 0 },
    });
    expect(Array.from(plain.logits('renew pls'))).to.not.deep.equal(Array.from(a.logits('renew pls')));
    const report = evaluate((text) => a.classify(text).intent, test);
    expect(report.accuracy).to.be.at.least(5 / 6);
  });

  it('gives probabilities for every intent that sum to 1', () => {
    const classifier = IntentClassifier.train(train);
    const { scores, intent, score } = classifier.classify('when do you open tomorrow');
    expect(Object.keys(scores).sort()).to.deep.equal(['None', 'greeting', 'hours', 'renew']);
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    expect(total).to.be.closeTo(1, 1e-6);
    expect(intent).to.equal('hours');
    expect(score).to.equal(scores.hours);
  });

  it('reads "oos" lines as out of scope and classifies the fixture test set', () => {
    const classifier = IntentClassifier.train(train);
    expect(classifier.intents).to.include(NONE).and.not.include('oos');
    const report = evaluate((text) => classifier.classify(text).intent, test);
    expect(report.accuracy).to.be.at.least(5 / 6);
    expect(report.total).to.equal(8);
    expect(formatReport(report).split('\n').pop()).to.match(
      /^accuracy=\d\.\d{3} oos_recall=\d\.\d{3} oos_precision=\d\.\d{3}$/,
    );
  });

  it('never rejects a message as out of scope when trained without out-of-scope examples', () => {
    const inScope = train.filter((e) => e.intent !== 'None' && e.intent !== 'oos');
    const classifier = IntentClassifier.train(inScope);
    expect(classifier.calibration.threshold).to.equal(0);
    expect(classifier.classify('qwerty asdf zxcv').intent).to.not.equal(NONE);
  });

  it('holds out the same share of every intent for tuning, the same way each time', () => {
    const one = stratifiedSplit(train, 0.25, defaultIntentClassifierOptions.model.seed);
    const two = stratifiedSplit(train, 0.25, defaultIntentClassifierOptions.model.seed);
    expect(one).to.deep.equal(two);
    expect(one.tune.filter((e) => e.intent === 'hours')).to.have.length(2);
    expect(one.fit.length + one.tune.length).to.equal(train.length);
  });
});
