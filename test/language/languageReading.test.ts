// Reading the language of each patron message: the conversation's language as the prior, the page's
// locale as a hint, "in English, please" / "en español" honoured; measured on the held-out patron
// messages of both languages (never tuned on).
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../library/language/catalog';
import { readLanguage } from '../../library/language/detectLanguage';
import { evaluateLanguageReading } from '../../library/language/languageEvaluation';
import { evaluateLanguageId, languageCarrier } from '../../recognizers/languageIdEvaluation';

const catalogs = Object.values(CATALOGS);
const corpus = join(__dirname, '..', '..', '..', 'recognizers', 'corpus');

function heldOut(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => readFileSync(join(directory, file), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

describe('language of each message', () => {
  const read = (text: string, previous?: string, hint?: string) =>
    readLanguage(text, { catalogs, previous, hint });

  it('reads Spanish as patrons type it, accents or not', () => {
    for (const text of [
      '¿a qué hora abren mañana?',
      'horario de la biblioteca',
      'a q hora abren',
      '¿tienen clases de inglés?',
      'hay cuentos para niños en español?',
      'kiero ver mis reservas xfa',
    ])
      expect(read(text).language, text).to.equal('es');
  });

  it('reads a very long message by its beginning only (reading 200 KB whole took most of a second)', () => {
    expect(
      read(`necesito renovar mis libros ${'lorem ipsum dolor sit amet '.repeat(8000)}`).language,
    ).to.equal('es');
    // Spanish only after the first thousand characters: not read, so no evidence, and English stays.
    expect(read(`${'12 '.repeat(400)} necesito renovar mis libros, por favor`).language).to.equal('en');
    expect(read(`${'12 '.repeat(20)} necesito renovar mis libros, por favor`).language).to.equal('es');
  });

  it('keeps the conversation language for a short "ok", a number or a title', () => {
    for (const text of ['ok', '2', 'Dune', '👍', 'Eastside', 'si', 'no'])
      expect(read(text, 'es').language, text).to.equal('es');
    for (const text of ['ok', '2', 'Encanto', 'no']) expect(read(text, 'en').language, text).to.equal('en');
  });

  it("reads a conversation's first message by the Spanish dictionary, and only the first", () => {
    for (const text of ['cuaderno', 'bendiciones', 'holaaaa', 'ocupo fotocopiar unas hojas', 'guardamelo'])
      expect(read(text).language, text).to.equal('es');
    // Inside a conversation the dictionary is not asked: one uncommon word does not switch it.
    for (const text of ['cuaderno', 'guardamelo']) expect(read(text, 'en').language, text).to.equal('en');
  });

  it("keeps a first message in the default language when its words are both languages' or names", () => {
    for (const text of ['menu', 'sale', 'garcia', 'Rivera', 'the midnight library'])
      expect(read(text).language, text).to.equal('en');
  });

  it('keeps a Spanish conversation Spanish on a title, an English conversation English on a Spanish one', () => {
    for (const text of [
      'The Midnight Library',
      'Where the Crawdads Sing',
      'Harry Potter and the Goblet of Fire',
    ])
      expect(read(text, 'es').language, text).to.equal('es');
    for (const text of ['Cien Años de Soledad', 'Como Agua Para Chocolate', 'Esperanza Rising'])
      expect(read(text, 'en').language, text).to.equal('en');
    // A question typed with capitals is still a question.
    expect(read('Can You Help Me?', 'es').language).to.equal('en');
  });

  it('switches when a whole message reads as the other language', () => {
    expect(read('when do you open tomorrow', 'es').language).to.equal('en');
    expect(read('a que hora cierran hoy', 'en').language).to.equal('es');
  });

  it("takes the page's locale as the hint for a conversation's first message without evidence", () => {
    expect(read('ok', undefined, 'es-US').language).to.equal('es');
    expect(read('ok', undefined, 'en-US').language).to.equal('en');
    expect(read('hola', undefined, 'en-US').language).to.equal('es');
  });

  it('honours "in English, please" and "en español" said on their own, not inside a question', () => {
    for (const text of [
      'in English, please',
      'English please',
      'can you speak english?',
      'en inglés por favor',
    ])
      expect(read(text, 'es'), text).to.deep.equal({ language: 'en', asked: true });
    for (const text of [
      'en español',
      'En español por favor',
      '¿habla español?',
      'Spanish please',
      'me puede contestar en español',
    ])
      expect(read(text, 'en'), text).to.deep.equal({ language: 'es', asked: true });
    expect(read('hay cuentos para niños en español?', 'en')).to.deep.equal({ language: 'es', asked: false });
  });

  it('reads at least 97% of the held-out patron messages of each language right', () => {
    const samples = new Map([
      ['en', heldOut(join(corpus, 'heldout'))],
      ['es', heldOut(join(corpus, 'es', 'heldout'))],
    ]);
    const scores = evaluateLanguageReading(samples, catalogs);
    for (const score of scores) {
      const share = (n: number) => `${((100 * n) / score.messages).toFixed(1)}%`;
      console.log(
        `      ${score.language}: ${score.messages} messages; first message ${share(score.alone)}, ` +
          `in a conversation in ${score.language} ${share(score.inConversation)}, ` +
          `switching from the other ${share(score.switching)}`,
      );
      if (process.env.LANGUAGE_SHOW_WRONG) console.log(score.wrongAlone);
      expect(score.inConversation / score.messages).to.be.at.least(0.97);
    }
  });
});

describe('language of short messages (1-6 words, recognizers/corpus/language-id*)', () => {
  const report = evaluateLanguageId(corpus);
  const short = report.sets.filter((s) => s.set.startsWith('language-id'));

  it('keeps at least 97% of short messages in a conversation in their language, both languages', () => {
    expect(short.length).to.be.at.least(2);
    for (const { set, scores } of short) {
      expect(scores.map((s) => s.language)).to.have.members(['en', 'es']);
      for (const s of scores) {
        expect(s.messages, `${set} ${s.language}`).to.be.at.least(50);
        expect(s.inConversation / s.messages, `${set} ${s.language}`).to.be.at.least(0.97);
      }
    }
  });

  it('reads a first message with no hint right: English at least 97%, Spanish at least 95% (96% of those carrying a language)', () => {
    for (const { set, scores } of short) {
      for (const s of scores) {
        const floor = s.language === 'en' ? 0.97 : 0.95;
        const wrong = `${set} ${s.language}: ${s.wrongAlone.join(' | ')}`;
        expect(s.alone / s.messages, wrong).to.be.at.least(floor);
        expect(s.aloneCarrying / s.carrying, wrong).to.be.at.least(0.96);
      }
    }
  });

  it('counts "ok", "👍", "asdfgh" and "fax?" as carrying no language, "gracias" and "renew" as carrying one', () => {
    const carries = languageCarrier(catalogs);
    for (const text of ['ok', '👍', 'asdfgh', 'fax?', 'mmm', '2'])
      expect(carries(text), text).to.equal(false);
    for (const text of ['gracias', 'renew', 'wenas', 'saludos']) expect(carries(text), text).to.equal(true);
  });

  it('does not switch on "ok", "2", a name or a title', () => {
    expect(report.neutral.messages).to.be.at.least(20);
    expect(report.neutral.kept / report.neutral.checks).to.be.at.least(0.9);
  });
});
