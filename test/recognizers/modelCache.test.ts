import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readJsonLines } from '../../recognizers/evaluation';
import { defaultIntentClassifierOptions, IntentClassifier } from '../../recognizers/intentClassifier';
import { cachedIntentClassifier } from '../../recognizers/modelCache';

const fixtures = resolve(__dirname, '../../../test/recognizers/fixtures');
const train = readJsonLines(`${fixtures}/train.jsonl`);
const test = readJsonLines(`${fixtures}/test.jsonl`);

describe('recognizers: the trained model kept between starts', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'model-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const models = () => readdirSync(dir).filter((name) => name.endsWith('.json'));

  it('answers exactly as the freshly trained model does, read back from the file', () => {
    const trained = IntentClassifier.train(train);
    const first = cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    expect(models()).to.have.length(1);
    const reread = cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    expect(reread.calibration).to.deep.equal(trained.calibration);
    for (const { text } of test) {
      const expected = trained.classify(text);
      expect(first.classify(text)).to.deep.equal(expected);
      expect(reread.classify(text)).to.deep.equal(expected);
    }
  });

  it('trains again when the examples or the options change, and keeps only the newest model', () => {
    cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    const [before] = models();
    const changed = [...train, { text: 'is the bookmobile coming', intent: train[0].intent }];
    cachedIntentClassifier(changed, defaultIntentClassifierOptions, dir);
    const [after] = models();
    expect(models()).to.have.length(1);
    expect(after).to.not.equal(before);
    cachedIntentClassifier(changed, { ...defaultIntentClassifierOptions, spelling: false }, dir);
    expect(models()).to.have.length(1).and.not.include(after);
  });

  it('a damaged file means training, not a failure, and is replaced', () => {
    cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    const [file] = models();
    writeFileSync(join(dir, file), '{"intents": ["half a fi');
    const classifier = cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    expect(classifier.classify(test[0].text).intent).to.equal(
      IntentClassifier.train(train).classify(test[0].text).intent,
    );
    expect(() => JSON.parse(readFileSync(join(dir, file), 'utf8'))).to.not.throw();
    const again = cachedIntentClassifier(train, defaultIntentClassifierOptions, dir);
    expect(again.classify(test[0].text)).to.deep.equal(classifier.classify(test[0].text));
  });

  it('a folder it cannot write to costs only the training time', () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const classifier = cachedIntentClassifier(
      train,
      defaultIntentClassifierOptions,
      join(notAFolder, 'models'),
    );
    expect(classifier.intents.length).to.be.greaterThan(1);
  });
});
