// The message catalogs by language. English is the reference: its shape is the `Messages` type, so a
// catalog that misses a key or gives a sentence other arguments does not compile, and
// test/language/catalog.test.ts checks the same at run time (keys and arity) for every registered
// catalog. A new language is one catalog file registered below, a corpus folder and configuration.
import { en, type Messages } from './catalogs/en';
import { es } from './catalogs/es';

export type { Messages };

/** Every language the bot speaks, by BCP 47 primary code. */
export const CATALOGS: Readonly<Record<string, Messages>> = { en, es };

export const DEFAULT_LANGUAGE = 'en';

/** turnState key: this turn's reply language (set by the language hook, read by dialogs and the renderer). */
export const TURN_LANGUAGE = 'libraryBot.language';

/** The primary code of a language tag we speak ("es-US" gives "es"), or undefined. */
export function supportedLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary && Object.hasOwn(CATALOGS, primary) ? primary : undefined;
}

/** The catalog for a language, English when we do not speak it. */
export function messagesFor(language: string | undefined): Messages {
  return CATALOGS[supportedLanguage(language) ?? DEFAULT_LANGUAGE];
}
