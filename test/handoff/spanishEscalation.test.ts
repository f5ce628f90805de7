// Issue 15, the handoff's rules in Spanish: explicit requests for a person as patrons type them, the
// always-a-person advice by language (English with the notice where the library wrote none), and
// `staff.languages` in the configuration (validated) deciding who speaks a patron's language.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateLibraryConfig } from '../../config/libraryConfig';
import { isExplicitRequestForPerson, StaffLanguages } from '../../library/handoff';
import { adviceIn, alwaysHumanTopicOf } from '../../library/handoff/escalation';
import { messagesFor } from '../../library/language/catalog';
import { demoConfig, demoConfigPath } from './support';

describe('handoff in Spanish: requests, advice and staff languages', () => {
  it('reads Spanish requests for a person, with or without accents and texting shorthand', () => {
    for (const text of [
      'quiero hablar con una persona',
      'necesito ayuda de alguien',
      'un humano porfa',
      '¿Puedo hablar con un bibliotecario?',
      'necesito atención de una persona',
      'una persona real por favor',
      'me puede comunicar con alguien?',
    ])
      expect(isExplicitRequestForPerson(text), text).to.equal(true);
    for (const text of ['¿a qué hora abren?', 'hay cuentos para niños?', 'persona mayor', 'quiero renovar'])
      expect(isExplicitRequestForPerson(text), text).to.equal(false);
  });

  it('gives the advice of an always-a-person topic in Spanish, or English after the notice', () => {
    const topics = demoConfig().escalation.alwaysHumanTopics;
    const lostCard = alwaysHumanTopicOf(topics, 'i lost my card', 'person.lost-card');
    expect(adviceIn(lostCard, messagesFor('es'))).to.match(/^Si perdió su tarjeta de la biblioteca/);
    expect(adviceIn(lostCard, messagesFor('en'))).to.match(/^If your library card is lost or stolen/);
    const untranslated = { id: 'x', phrases: [], advice: 'Call us first.' };
    expect(adviceIn(untranslated, messagesFor('es'))).to.equal(
      '(Esta información solo está disponible en inglés). Call us first.',
    );
    expect(adviceIn({ id: 'y', phrases: [] }, messagesFor('es'))).to.equal(undefined);
  });

  it('knows who speaks what by id or sign-in name, and everyone speaks English', () => {
    const languages = new StaffLanguages({
      Ana: ['es'],
      '0f1e2d3c-aaaa-bbbb-cccc-123456789abc': ['es', 'vi'],
    });
    const ana = { id: 'console:x', name: 'ana' };
    const byId = { id: '0f1e2d3c-aaaa-bbbb-cccc-123456789abc', name: 'Lan' };
    const sam = { id: 'console:y', name: 'Sam' };
    expect(languages.speaks(ana, 'es')).to.equal(true);
    expect(languages.speaks(byId, 'vi')).to.equal(true);
    expect(languages.speaks(sam, 'es')).to.equal(false);
    expect(languages.speaks(ana, 'en')).to.equal(false); // English needs no preference
    expect(languages.speakersAmong([ana, sam, byId], 'es')).to.deep.equal(['ana', 'Lan']);
    expect(languages.speakersAmong([ana, sam, byId], 'en')).to.deep.equal([]);
  });

  it('validates staff.languages and topic translations in the configuration', () => {
    const raw = parse(readFileSync(demoConfigPath, 'utf8')) as { staff: Record<string, unknown> };
    expect(validateLibraryConfig(raw, 'demo').staff.languages).to.deep.equal({
      Ana: ['es'],
      Marisol: ['es'],
    });
    const bad = { ...raw, staff: { ...raw.staff, languages: { Ana: ['spanish'] } } };
    expect(() => validateLibraryConfig(bad, 'demo.yaml')).to.throw(
      /staff\.languages\.Ana\[0\]: expected a two-letter language code such as "es"/,
    );
    const empty = { ...raw, staff: { ...raw.staff, languages: { Ana: [] } } };
    expect(() => validateLibraryConfig(empty, 'demo.yaml')).to.throw(/at least one language code/);
  });
});
