// Spanish conversations on the real composition (test/support/botHarness.ts) with the trained
// recognizer and a fixed clock, on Web Chat and SMS: every reply is checked for the facts and for
// English sentences (test/support/englishSentences.ts), proper names aside.
import { expect } from 'chai';
import { visibleText } from '../dialogs/conversationHarness';
import type { BotHarness } from '../support/botHarness';
import { spanishConversations, startSpanishHarness, TUESDAY } from '../support/spanishChat';
import { englishSentences } from '../support/englishSentences';

describe('Spanish conversations (issue 15)', function () {
  this.timeout(60_000);
  let harness: BotHarness;
  before(async () => {
    harness = await startSpanishHarness();
    await harness.bot.capabilities.programs.catalog.prepare(TUESDAY);
  });
  after(() => harness.close());

  const conversations = spanishConversations(() => harness, 'es');
  const chat = (channel: string) => {
    const say = conversations(channel);
    return async (text: string) => (await say(text)).join('\n');
  };

  it('flags English sentences and lets Spanish with proper names through', () => {
    expect(englishSentences('Main Library is open now until 9:00 PM.')).to.have.length(1);
    expect(englishSentences('Main Library está abierta ahora, hasta las 9:00 p. m.')).to.deep.equal([]);
    expect(englishSentences('Actividades para niños: Toddler Storytime, Lego Club.')).to.deep.equal([]);
    expect(englishSentences('Perdón. Please call us and a librarian will help.')).to.deep.equal([
      'Please call us and a librarian will help.',
    ]);
  });

  for (const channel of ['webchat', 'sms']) {
    it(`answers hours, a holiday, programs for a child's age and a FAQ in Spanish (${channel})`, async () => {
      const say = chat(channel);
      expect(await say('hola')).to.match(/¡Hola! Soy el asistente virtual de/);
      expect(await say('a que hora cierra la main library hoy')).to.match(
        /Main Library está abierta ahora, hasta las 9:00 p\. m\./,
      );
      expect(await say('abren en navidad?')).to.match(/Cerrado|cerrad/);
      const programs = await say('hay algo para mi hijo de 4 años este sabado');
      expect(programs).to.match(/Actividades para|No encontré actividades/);
      expect(await say('ok')).to.match(/¿Le ayudo con algo más\?/);
      expect(await say('como saco la tarjeta de la biblioteca')).to.match(
        /gratis para (quien vive en|residentes de) Riverbend/,
      );
    });
  }

  it('follows up in Spanish: another branch, another day, a date (and one period after p. m.)', async () => {
    const say = chat('webchat');
    const first = await say('a q hora abren mañana la de eastside?');
    expect(first).to.match(/^Eastside Branch mañana \(.+\): 10:00 a\. m\.-6:00 p\. m\.$/);
    expect(await say('y la de oak hill?')).to.match(/^Oak Hill Branch mañana/);
    expect(await say('y el domingo?')).to.match(/^Oak Hill Branch está cerrada el domingo/);
    expect(await say('y el 24 de diciembre?')).to.match(/^Oak Hill Branch .*24 de dic/);
  });

  it('calls a baby a baby ("mi bebé de 8 meses"), not a child of 0 years', async () => {
    expect(await chat('webchat')('actividades para mi bebe de 8 meses')).to.match(/^Actividades para bebés/);
    const english = harness.conversation('en-baby', 'webchat', 'patron-en-baby');
    const replies = (await english.say('programs for my 8 month old')).map(visibleText).join('\n');
    expect(replies).to.match(/^Programs for an 8-month-old/);
  });

  it('switches to English when asked, and back to Spanish', async () => {
    const say = chat('webchat');
    expect(await say('hola')).to.match(/¡Hola!/);
    const conversation = harness.conversation('es-switch', 'webchat', 'patron-es-switch');
    const texts = async (text: string) =>
      (await conversation.say(text))
        .filter((a) => a.type === 'message')
        .map(visibleText)
        .join('\n');
    expect(await texts('in English, please')).to.equal('Sure, I will answer in English from now on.');
    expect(await texts('hola')).to.match(/^Hi! I'm the/);
    expect(await texts('en español por favor')).to.equal('Claro, desde ahora le contesto en español.');
    expect(await texts('when does eastside close today')).to.match(/Eastside Branch está/);
  });
});
