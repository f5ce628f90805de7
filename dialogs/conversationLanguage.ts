// The language of this turn's replies. The language middleware (bots/) decides it per message and sets
// it in turn state; dialogs read it here, so every sentence comes from the catalog of the language
// the patron is writing in. Without the middleware (a test of one dialog) the activity's locale, then
// English.
import type { TurnContext } from 'botbuilder';
import { messagesFor, type Messages, supportedLanguage, TURN_LANGUAGE } from '../library/language/catalog';

export function setTurnLanguage(context: TurnContext, language: string): void {
  context.turnState.set(TURN_LANGUAGE, language);
}

export function turnLanguage(context: TurnContext): string {
  return (
    (context.turnState.get(TURN_LANGUAGE) as string | undefined) ??
    supportedLanguage(context.activity.locale) ??
    'en'
  );
}

/** The catalog for this turn. */
export function messagesOf(context: TurnContext): Messages {
  return messagesFor(turnLanguage(context));
}
