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

/** turnState key: the language this turn's message is written in (may differ from the reply language). */
const MESSAGE_LANGUAGE = 'libraryBot.messageLanguage';

/**
 * The language hook's reading of the message itself, for the recognizer to pick its model: a patron
 * who chose Spanish replies but types "when does eastside close" is read by the English model.
 */
export function setMessageLanguage(context: TurnContext, language: string): void {
  context.turnState.set(MESSAGE_LANGUAGE, language);
}

/** Undefined without the language hook: the recognizer then reads the message alone. */
export function messageLanguage(context: TurnContext): string | undefined {
  return context.turnState.get(MESSAGE_LANGUAGE) as string | undefined;
}
