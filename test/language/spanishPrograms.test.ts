// Spanish in programs, branch notes and the SMS welcome, on the real composition (test/support/botHarness.ts) with the
// trained recognizer and the demo feed: "en español" as a program filter where the feed marks a
// program's language, Spanish titles where the feed has them, weekdays in lower case mid-sentence,
// and a Spanish SMS welcome that goes as GSM-7.
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { smsSegments } from '../../channels/smsSegments';
import { missingTranslations } from '../../config/startupChecks';
import { branchFactsReply } from '../../dialogs/faq/faqWording';
import { FaqService } from '../../library/faq/faqService';
import { es } from '../../library/language/catalogs/es';
import { ProgramCalendar } from '../../library/programs/icalendar';
import { programLanguageAsked, readCategories } from '../../library/programs/program';
import { findPrograms } from '../../library/programs/search';
import { visibleText } from '../dialogs/conversationHarness';
import type { BotHarness } from '../support/botHarness';
import { loadDemoLibrary } from '../support/demoLibrary';
import { spanishConversations, startSpanishHarness, TUESDAY } from '../support/spanishChat';

const zone = 'America/Chicago';

describe('Spanish programs and SMS welcome (issue 15)', function () {
  this.timeout(60_000);
  let harness: BotHarness;
  before(async () => {
    harness = await startSpanishHarness();
    await harness.bot.capabilities.programs.catalog.prepare(TUESDAY);
  });
  after(() => harness.close());

  const chat = spanishConversations(() => harness, 'esp');

  it('reads the language of a program from its categories and of a request from the message', () => {
    expect(readCategories(['Families', 'Storytime', 'Bilingual']).languages).to.deep.equal(['en', 'es']);
    expect(readCategories(['Adults', 'En español']).languages).to.deep.equal(['es']);
    expect(readCategories(['Adults', 'Book Club'])).to.not.have.property('languages');
    expect(readCategories(['Storytime', 'Spanish']).topics).to.deep.equal(['Storytime']);
    expect(programLanguageAsked('hay cuentos para niños en español?')).to.equal('es');
    expect(programLanguageAsked('cuentos en espanol')).to.equal('es');
    expect(programLanguageAsked('any storytime in Spanish?')).to.equal('es');
    expect(programLanguageAsked('bilingual storytime')).to.equal('es');
    expect(programLanguageAsked('hay cuentos para niños?')).to.equal(undefined);
    expect(programLanguageAsked('espanol')).to.equal(undefined);
  });

  it('reads titles in other languages from the feed and filters programs by language', () => {
    const feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:a@x',
      'DTSTART;TZID=America/Chicago:20261205T103000',
      'SUMMARY:Family Storytime',
      'X-LIBRARY-TITLE;LANGUAGE=es-US:Hora del cuento',
      'CATEGORIES:Families,Storytime,Bilingual',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b@x',
      'DTSTART;TZID=America/Chicago:20261205T110000',
      'SUMMARY:Preschool Storytime',
      'CATEGORIES:Kids,Storytime',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const from = DateTime.fromISO('2026-12-01', { zone });
    const programs = new ProgramCalendar(feed, zone, []).occurrences(from, from.plus({ days: 7 }));
    expect(programs.map((p) => p.titles)).to.deep.equal([{ es: 'Hora del cuento' }, undefined]);
    const query = { from, to: from.plus({ days: 7 }), topics: ['storytime'] };
    expect(findPrograms(programs, query).map((p) => p.uid)).to.deep.equal(['a@x', 'b@x']);
    expect(findPrograms(programs, { ...query, language: 'es' }).map((p) => p.uid)).to.deep.equal(['a@x']);
  });

  for (const channel of ['webchat', 'sms']) {
    it(`finds stories for children in Spanish, with their Spanish titles (${channel})`, async () => {
      const say = chat(channel);
      const replies = await say('hay cuentos para niños en español?');
      const text = replies.join('\n');
      expect(replies[0]).to.match(/^Actividades para niños en español/);
      expect(text).to.contain('Hora del cuento en familia (bilingüe)');
      expect(text).to.contain('Sábado 5 de dic');
      // Only programs the feed marks as held in Spanish, and no English topic word in the title.
      expect(text.replace(/https:\S+/g, '')).to.not.match(/Storytime|Preschool|storytime/);
    });
  }

  it('lists activities for a 4-year-old with the Spanish titles the feed has', async () => {
    const text = (await chat('webchat')('actividades para mi hijo de 4 años')).join('\n');
    expect(text).to.match(/^Actividades para niños de 4 años en los próximos 7 días/);
    expect(text).to.contain('Hora del cuento para preescolares').and.contain('Jueves 3 de dic');
    expect(text).to.not.contain('Preschool Storytime');
  });

  it('says "in Spanish" in an English list, and the English title of a program the feed titles in Spanish', async () => {
    const conversation = harness.conversation('esp-en', 'webchat', 'patron-esp-en');
    const reply = (await conversation.say('storytime in spanish'))
      .filter((a) => a.type === 'message')
      .map(visibleText)
      .join('\n');
    expect(reply).to.match(/^Programs in Spanish about storytime/);
    expect(reply).to.contain('Family Storytime').and.not.contain('Preschool Storytime');
  });

  it('writes weekdays in lower case mid-sentence and capitalises them at the start of a table row', async () => {
    const say = chat('sms');
    const day = (await say('abren el jueves?')).join('\n');
    expect(day).to.match(/^Horario el jueves 3 de dic\n/);
    const week = (await say('horario de la main library esta semana')).join('\n');
    expect(week).to.match(/hasta el dom 6 dic\n/);
    expect(week).to.match(/\nMié 2 dic: 9:00 a\. m\.-9:00 p\. m\.\n/);
  });

  it('welcomes by SMS in Spanish in GSM-7: two segments, not five', async () => {
    const [welcome] = await chat('sms')('hola');
    expect(welcome).to.match(/^¡Hola! Soy el asistente virtual de Riverbend Public Library\. Pregunte por /);
    expect(welcome).to.match(/Responda del 1 al 4\.$/);
    expect(smsSegments(welcome)).to.equal(2);
  });

  it('gives a branch note in Spanish where the configuration has one', async () => {
    const table = (await chat('sms')('donde puedo estacionar?'))[0];
    expect(table).to.match(/^Estacionamiento en cada sucursal\n/);
    expect(table).to.contain('Eastside Branch: Estacionamiento gratis detrás del edificio.');
    expect(table).to.not.contain('(Esta información solo está disponible en inglés)');
  });

  it('falls back to English with the notice where a note is missing, and lists what is missing at startup', () => {
    const { config } = loadDemoLibrary();
    expect(missingTranslations(config, ['es'])).to.deep.equal([]);
    const branches = config.branches.map((branch) =>
      branch.id === 'eastside' ? { ...branch, translations: undefined } : branch,
    );
    const faq = config.faq.map((entry) =>
      entry.id === 'fines' ? { ...entry, translations: undefined } : entry,
    );
    const alwaysHumanTopics = config.escalation.alwaysHumanTopics.map((topic) =>
      topic.id === 'safety' ? { ...topic, translations: undefined } : topic,
    );
    const escalation = { ...config.escalation, alwaysHumanTopics };
    expect(missingTranslations({ ...config, branches, faq, escalation }, ['es'])).to.deep.equal([
      'not translated into es (answered in English): faq fines; branch eastside parking, eastside transit; ' +
        'escalation advice safety',
    ]);
    const facts = new FaqService(faq, branches).branchFacts('parking', 'es');
    expect(facts.find((fact) => fact.name === 'Eastside Branch')).to.deep.equal({
      name: 'Eastside Branch',
      text: 'Free lot behind the building.',
      untranslated: true,
    });
    expect(facts.find((fact) => fact.name === 'Main Library')).to.not.have.property('untranslated');
    expect(branchFactsReply(es, 'parking', facts)).to.deep.include({
      footer: '(Esta información solo está disponible en inglés).',
    });
  });
});
