import { expect } from 'chai';
import { SpellingCorrector, normalizeText, stem } from '../../recognizers/normalize';

describe('recognizers: normalisation', () => {
  it('expands SMS shorthand and drops punctuation', () => {
    expect(normalizeText('wat time u open 2day??').text).to.equal('what time you open today');
    expect(normalizeText('r u open tmrw').text).to.equal('are you open tomorrow');
    expect(normalizeText('Pls renew my bks, thx!').text).to.equal('please renew my books thanks');
  });

  it('reads texting 2 and 4 as to and for only where no number is meant', () => {
    expect(normalizeText('can i talk 2 sum1').text).to.equal('can i talk to someone');
    expect(normalizeText('anything ready 4 pickup').text).to.equal('anything ready for pickup');
    expect(normalizeText('cancel hold 2').text).to.equal('cancel hold 2');
    expect(normalizeText('my 2 year old').text).to.equal('my 2 year old');
    expect(normalizeText('wat tme do u opn').text).to.equal('what time do you open');
  });

  it('undoes contractions, with or without the apostrophe', () => {
    expect(normalizeText("What's the library's address? I can't find it").text).to.equal(
      'what is the library address i can not find it',
    );
    expect(normalizeText('whats the wifi password, i dont know it').text).to.equal(
      'what is the wifi password i do not know it',
    );
    expect(normalizeText('I\u2019m lost').text).to.equal('i am lost');
  });

  it('turns meaningful emojis into words and drops the rest', () => {
    expect(normalizeText('👋 hi 😀😀').text).to.equal('hi hi ok ok');
    expect(normalizeText('🎉 yay').text).to.equal('yay');
    expect(normalizeText('thanks 🙏').text).to.equal('thanks please');
    expect(normalizeText('this bot 😡').text).to.equal('this bot angry');
  });

  it('reads plain ASCII as the full path would: a backtick is an apostrophe; a Kelvin sign is a k', () => {
    expect(normalizeText('I can`t find it').text).to.equal('i can not find it');
    expect(normalizeText('I can\u00b4t find it').text).to.equal('i can not find it');
    expect(normalizeText('\u212aids programs').text).to.equal('kids programs');
  });

  it('shortens stretched words, strips accents and keeps clock times', () => {
    expect(normalizeText('helloooo').text).to.equal('helloo');
    expect(normalizeText('Café').text).to.equal('cafe');
    expect(normalizeText('open at 5:30pm?').text).to.equal('open at 5:30pm');
  });

  it('keeps the words of a long message with context', () => {
    const { tokens } = normalizeText('hi, my son has a project due, when do you close tonight?');
    expect(tokens).to.deep.equal([
      'hi',
      'my',
      'son',
      'has',
      'a',
      'project',
      'due',
      'when',
      'do',
      'you',
      'close',
      'tonight',
    ]);
  });

  it("stems with natural's Porter stemmer", () => {
    expect(stem('renewing')).to.equal('renew');
    expect(stem('renewals')).to.equal('renew');
    expect(stem('2')).to.equal('2');
  });

  it('corrects a word one edit away from a known word, preferring the frequent one', () => {
    const corrector = new SpellingCorrector(
      new Map([
        ['renew', 5],
        ['library', 9],
        ['eastside', 3],
        ['hours', 4],
        ['houses', 1],
      ]),
    );
    expect(corrector.correct('renw')).to.equal('renew');
    expect(corrector.correct('libary')).to.equal('library');
    expect(corrector.correct('eastsde')).to.equal('eastside');
    expect(corrector.correct('hoursx')).to.equal('hours');
    expect(corrector.correct('zebra')).to.equal('zebra');
    expect(corrector.correct('hte')).to.equal('hte', 'short words are left alone');
    expect(normalizeText('renw my libary books', corrector.correct).text).to.equal('renew my library books');
  });
});
