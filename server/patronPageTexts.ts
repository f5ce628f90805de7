// The patron page's own texts in every language we speak, from the catalogs' `page` sections: filled
// in with the library's name, phone and idle minutes here, and sent to the browser as JSON, so the page
// script never carries a sentence of its own. The page opens in the browser's preferred language
// (Accept-Language); the script switches when the conversation's language changes.
import { CATALOGS, DEFAULT_LANGUAGE, supportedLanguage } from '../library/language/catalog';
import type { PageMessages } from '../library/language/catalogs/en/page';

export interface PageFacts {
  libraryName: string;
  shortName: string;
  phone: string;
  idleMinutes: number;
}

export type PageTexts = Record<string, PageMessages>;

function fill(text: string, facts: PageFacts): string {
  return text
    .replace(/\{library\}/g, facts.libraryName)
    .replace(/\{short\}/g, facts.shortName)
    .replace(/\{phone\}/g, facts.phone)
    .replace(/\{minutes\}/g, String(facts.idleMinutes));
}

/** Every language's page texts, ready to show. */
export function pageTexts(facts: PageFacts): PageTexts {
  const texts: PageTexts = {};
  for (const [language, catalog] of Object.entries(CATALOGS)) {
    const filled = Object.entries(catalog.page).map(([key, text]) => [key, fill(text, facts)]);
    texts[language] = Object.fromEntries(filled) as PageMessages;
  }
  return texts;
}

/**
 * The first language of an Accept-Language header that we speak, by the browser's weights
 * ("es-US,es;q=0.9,en;q=0.8" gives "es"); English when there is none.
 */
export function preferredPageLanguage(acceptLanguage: string | undefined): string {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0 && !Number.isNaN(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** The page's `{{t.key}}` placeholders and `{{lang}}` in one language (texts escaped for HTML). */
export function pageInLanguage(
  template: string,
  language: string,
  texts: PageTexts,
  escapeHtml: (text: string) => string,
): string {
  const words = texts[language] as Record<string, string>;
  return template
    .replace(/\{\{lang\}\}/g, language)
    .replace(/\{\{t\.(\w+)\}\}/g, (_whole, key: string) => escapeHtml(words[key] ?? ''));
}
