// The main dialog's own wording and reading rules, as plain functions (no bot, no adapter).
import { expect } from 'chai';
import type { LibraryRecognition } from '../../recognizers/libraryRecognition';
import {
  closeIntents,
  correctionTarget,
  followUpKind,
  isPlainAnswer,
  withoutLongNumbers,
} from '../../dialogs/main/followUps';
import {
  capabilitiesReply,
  intentLabels,
  notUnderstoodText,
  unroutedReply,
} from '../../dialogs/main/mainWording';
import { en } from '../../library/language/catalogs/en';
import { es } from '../../library/language/catalogs/es';

const settings = { minConfidence: 0.3, closeMargin: 0.2 };

function recognition(fields: Partial<LibraryRecognition>): LibraryRecognition {
  return {
    text: 'x',
    normalizedText: 'x',
    intent: 'None',
    score: 0.9,
    intents: {},
    entities: {},
    ...fields,
  };
}

describe('main dialog wording', () => {
  const faqTitles = ['Getting a library card', 'Wi-Fi and printing'];

  it('offers only what a library routes: no holds button or promise without a holds route', () => {
    const routed = new Set(['hours', 'programs', 'faq.*', 'human']);
    const reply = capabilitiesReply(en, 'Riverbend Public Library', true, {
      routed: (intent: string) => routed.has(intent),
      faqTitles,
    });
    expect(reply.kind).to.equal('choice');
    if (reply.kind !== 'choice') return;
    expect(reply.prompt).to.equal(
      "Hi! I'm the Riverbend Public Library help bot. I can help with: opening hours; programs and events; " +
        'getting a library card; Wi-Fi and printing. You can ask in your own words, or ask for a person at any time.',
    );
    expect(reply.options.map((o) => o.label)).to.deep.equal([
      'Opening hours',
      'Programs and events',
      'Talk to a person',
    ]);
    expect(reply.smsPrompt).to.not.match(/holds/);
  });

  it('lower-cases a Spanish FAQ title mid-list too ("cómo sacar la tarjeta"), and keeps "Wi-Fi" and "ESL"', () => {
    const reply = capabilitiesReply(es, 'Riverbend Public Library', true, {
      routed: (intent: string) => intent === 'faq.*',
      faqTitles: ['Cómo sacar la tarjeta de la biblioteca', 'Wi-Fi e impresión', 'ESL en Oak Hill'],
    });
    expect(reply.kind === 'choice' && reply.prompt).to.include(
      'cómo sacar la tarjeta de la biblioteca; Wi-Fi e impresión; ESL en Oak Hill.',
    );
  });

  it('names holds when any holds intent is routed, and says what it can do when it does not understand', () => {
    const offered = { routed: (intent: string) => intent === 'holds.cancel', faqTitles };
    expect(notUnderstoodText(en, offered)).to.equal(
      "Sorry, I didn't understand that, or it's not something I can do here. I can help with: your holds. " +
        'Please ask in your own words.',
    );
    expect(notUnderstoodText(en, { routed: () => false, faqTitles: [] })).to.match(
      /Could you say it another way\?$/,
    );
  });

  it('answers thanks with "you\'re welcome", bye with goodbye, and an unrouted capability honestly', () => {
    expect(unroutedReply(en, 'goodbye', 'thanks a lot', 'Riverbend Public Library')).to.deep.equal({
      kind: 'text',
      text: "You're welcome! Thanks for contacting the Riverbend Public Library.",
    });
    expect(unroutedReply(en, 'goodbye', 'bye', 'X')).to.deep.include({
      text: 'Goodbye! Thanks for contacting the X.',
    });
    expect(unroutedReply(en, 'holds.place', 'hold dune', 'X')).to.deep.include({
      text: "I can't place holds yet. Please call us and a librarian will help.",
    });
  });

  it('labels FAQ intents by their titles', () => {
    expect(intentLabels(en, [{ id: 'card', title: 'Getting a library card' }])['faq.card']).to.equal(
      'Getting a library card',
    );
  });
});

describe('main dialog reading rules', () => {
  it('reads a bare day or branch after an answer as a follow-up, and a full new question as new', () => {
    const last = { topic: 'hours' as const, intent: 'hours' as const, query: {} };
    const bare = recognition({
      text: 'what about Eastside?',
      intent: 'hours',
      entities: { branch: { branchId: 'eastside', text: 'Eastside' } },
    });
    expect(followUpKind(bare, last, true, settings)).to.equal('weak');
    expect(followUpKind(bare, last, false, settings)).to.equal(undefined);
    const dayAfter = recognition({ text: 'and the day after?', intent: 'None', score: 0.2 });
    expect(followUpKind(dayAfter, last, true, settings)).to.equal('weak');
    const fresh = recognition({ text: 'what is the wifi password at the library', intent: 'faq.computers' });
    expect(followUpKind(fresh, last, true, settings)).to.equal(undefined);
  });

  it('takes a correction after several answers to the latest one with what it names', () => {
    const hours = { topic: 'hours' as const, intent: 'hours' as const, query: { branchId: 'eastside' } };
    const programs = {
      topic: 'programs' as const,
      intent: 'programs' as const,
      query: { audience: 'kids' as const, start: '2026-12-05' },
    };
    const wifi = { topic: 'faq' as const, intent: 'faq.computers' as const, query: { id: 'computers' } };
    const together = [hours, programs, wifi];
    const branch = recognition({ entities: { branch: { branchId: 'oak-hill', text: 'Oak Hill' } } });
    expect(correctionTarget(branch, wifi, together)).to.equal(hours);
    const day = recognition({
      entities: { date: { text: 'sunday', start: '2026-12-06', end: '2026-12-06' } },
    });
    expect(correctionTarget(day, wifi, together)).to.equal(programs);
    // Nothing fits, or one answer only: the last answer, as before.
    expect(correctionTarget(recognition({}), wifi, together)).to.equal(wifi);
    expect(correctionTarget(branch, wifi, [wifi])).to.equal(wifi);
    expect(correctionTarget(branch, wifi, undefined)).to.equal(wifi);
  });

  it('asks which when two labelled intents are close, and names one likely intent under None', () => {
    const labelled = (intent: string) => ['hours', 'programs'].includes(intent);
    const close = recognition({
      intent: 'None',
      score: 0.44,
      intents: { hours: 0.56, programs: 0.44, None: 0 },
    });
    expect(closeIntents(close, labelled, settings)).to.deep.equal(['hours', 'programs']);
    const leaning = recognition({ intent: 'None', score: 0.5, intents: { programs: 0.47, None: 0.5 } });
    expect(closeIntents(leaning, labelled, settings)).to.deep.equal(['programs']);
    const sure = recognition({ intent: 'hours', score: 0.9, intents: { hours: 0.9, programs: 0.05 } });
    expect(closeIntents(sure, labelled, settings)).to.equal(undefined);
  });

  it('takes plain answers for the waiting question and masks long numbers kept in state', () => {
    expect(['2', 'yes', 'more'].map(isPlainAnswer)).to.deep.equal([true, true, true]);
    expect(isPlainAnswer('what time do you close')).to.equal(false);
    const kept = withoutLongNumbers(recognition({ text: 'my card 2100 0000 0000 01', normalizedText: 'x' }));
    expect(kept.text).to.equal('my card ****0001');
  });
});
