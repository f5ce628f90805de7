// The message catalogs: every language has every message of the reference (English), with the same
// arguments; plurals and gender by the language's rules; dates by the locale.
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { CATALOGS, messagesFor, supportedLanguage } from '../../library/language/catalog';
import { catalogGaps } from '../../library/language/catalogCheck';
import { en } from '../../library/language/catalogs/en';
import { es } from '../../library/language/catalogs/es';
import { plural } from '../../library/language/plural';

const zone = 'America/Chicago';

describe('message catalogs', () => {
  for (const [language, catalog] of Object.entries(CATALOGS)) {
    it(`${language} has every message of English, with the same arguments`, () => {
      expect(catalogGaps(en, catalog)).to.deep.equal([]);
      expect(catalog.language).to.equal(language);
    });
  }

  it('never closes a sentence twice after a time ("6:00 p. m.." nowhere in Spanish)', () => {
    // Each Spanish message is given a time for every argument whose name says it is one (until,
    // end, opens, when...), and a plain word for the others.
    const six = es.dates.time(DateTime.fromISO('2026-12-02T18:00', { zone }));
    const timeLike = /^(until|end|start|closes|opens|at|when|time|next|later|from|to)$/i;
    const doubled: string[] = [];
    let withTimes = 0;
    const visit = (value: unknown, path: string) => {
      if (typeof value === 'function') {
        const parameters = /^\(?([^)=]*)\)?\s*=>/.exec(value.toString())?.[1] ?? '';
        const names = parameters.split(',').map((name) => name.trim());
        if (!names.some((name) => timeLike.test(name))) return;
        try {
          const said = (value as (...args: unknown[]) => unknown)(
            ...names.map((name) => (timeLike.test(name) ? six : 'Oak Hill')),
          );
          withTimes++;
          if (typeof said === 'string' && /\. m\.\./.test(said)) doubled.push(`${path}: ${said}`);
        } catch {
          // Takes numbers, dates or lists as well: not a sentence built around a time alone.
        }
      } else if (value && typeof value === 'object' && !(value instanceof RegExp)) {
        for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
      }
    };
    visit(es, '');
    expect(withTimes).to.be.greaterThan(10);
    expect(doubled).to.deep.equal([]);
  });

  it('fails when a message exists in one language and not the other', () => {
    const { stopped: _dropped, ...main } = es.main;
    const broken = { ...es, main, extra: 'x', hours: { ...es.hours, opens: () => 'Abre.' } };
    expect(catalogGaps(en, broken)).to.deep.equal([
      'main.stopped: missing',
      'hours.opens: takes 0 arguments, not 1',
      'extra: not in the reference catalog',
    ]);
    expect(catalogGaps(en, { ...es, main: { ...es.main, stopped: '' } })).to.deep.equal([
      'main.stopped: empty',
    ]);
  });

  it('gives every Spanish text its own words (no English left in the catalog)', () => {
    const copied: string[] = [];
    const walk = (a: unknown, b: unknown, at: string) => {
      if (typeof a === 'string' && a.length > 12 && a === b) copied.push(at);
      else if (a && typeof a === 'object' && !(a instanceof RegExp))
        for (const key of Object.keys(a)) walk((a as never)[key], (b as never)[key], `${at}.${key}`);
    };
    walk(en, es, 'es');
    expect(copied).to.deep.equal([]);
  });

  it('chooses the catalog from a language tag, English for one it does not speak', () => {
    expect(supportedLanguage('es-US')).to.equal('es');
    expect(supportedLanguage('ES_mx')).to.equal('es');
    expect(supportedLanguage('fr-FR')).to.equal(undefined);
    expect(messagesFor('es-419')).to.equal(es);
    expect(messagesFor('de')).to.equal(en);
    expect(messagesFor(undefined)).to.equal(en);
  });

  it('forms plurals by the language rules', () => {
    expect(plural('es', 1, { one: '{n} minuto', other: '{n} minutos' })).to.equal('1 minuto');
    expect(plural('es', 0, { one: '{n} minuto', other: '{n} minutos' })).to.equal('0 minutos');
    expect(plural('en', 12, { one: '{n} minute', other: '{n} minutes' })).to.equal('12 minutes');
    expect(es.programs.forAge(1)).to.equal('para niños de 1 año');
    expect(es.programs.forAge(4)).to.equal('para niños de 4 años');
    expect(es.programs.leftOut(['a', 'b', 'c'], 1)).to.match(/ y una más\.$/);
    expect(es.programs.leftOut(['a', 'b', 'c'], 2)).to.match(/ y 2 más\.$/);
  });

  it('agrees adjectives with the branch (a library is feminine, a bookmobile masculine)', () => {
    expect(es.hours.closedNow('Main Library', 'feminine')).to.equal('Main Library está cerrada ahora');
    expect(es.hours.closedNow('El Bookmobile', 'masculine')).to.equal('El Bookmobile está cerrado ahora');
    expect(en.hours.closedNow('Main Library', 'feminine')).to.equal('Main Library is closed now');
  });

  it('formats weekdays, months and times by the locale', () => {
    const day = DateTime.fromISO('2026-12-03T16:30', { zone });
    expect(es.dates.calendarDate(day)).to.equal('jueves 3 de dic');
    expect(es.dates.longDate(day)).to.equal('jueves 3 de diciembre');
    expect(es.dates.dayLabel(day)).to.equal('jue 3 dic');
    expect(es.dates.time(day)).to.equal('4:30 p. m.');
    expect(es.dates.weekdays(DateTime.fromISO('2026-12-05', { zone }))).to.equal('los sábados');
    expect(es.dates.weekdays(DateTime.fromISO('2026-12-03', { zone }))).to.equal('los jueves');
    expect(en.dates.calendarDate(day)).to.equal('Thursday, Dec 3');
    expect(en.dates.time(day)).to.equal('4:30 PM');
    expect(en.dates.time(DateTime.fromISO('2026-12-03T12:00', { zone }))).to.equal('noon');
  });
});
