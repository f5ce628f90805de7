// Which language each patron message is answered in. Before the dialogs, the message is read with the
// conversation's language as the prior (Web Chat's `locale` as the hint for a new conversation) and
// the result is set for the turn (dialogs/conversationLanguage.ts). "In English, please" or "en
// español" on its own is answered with a line in that language and remembered for the conversation:
// from then on only another such request changes it.
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { languageEvent } from '../channels/pageEvents';
import { sendReply } from '../channels/renderer';
import { setMessageLanguage, setTurnLanguage } from '../dialogs/conversationLanguage';
import { messagesFor, type Messages, supportedLanguage } from '../library/language/catalog';
import { readLanguage } from '../library/language/detectLanguage';
import { CARD_ANSWER_MASK, NUMBER_MASK, PIN_MASK } from '../library/privacy';
import type { PatronTurnDecision, PatronTurnHook } from './turnHooks';

/** Kept in conversation state: the language so far, and whether the patron chose it in words. */
export interface ConversationLanguage {
  language?: string;
  chosen?: boolean;
}

/** The property the conversation's language is kept in. */
const LANGUAGE_PROPERTY = 'conversationLanguage';

/**
 * Sets the turn's language from what the conversation has so far, for work done before the language
 * hook reads the message (the notice for a PIN typed when none was asked is sent from middleware).
 */
export function useSavedLanguage(
  conversationState: ConversationState,
): (context: TurnContext) => Promise<void> {
  const property = conversationState.createProperty<ConversationLanguage>(LANGUAGE_PROPERTY);
  return async (context) => {
    const saved = await property.get(context, {});
    if (saved.language) setTurnLanguage(context, saved.language);
  };
}

export class LanguageHook implements PatronTurnHook {
  private readonly property: StatePropertyAccessor<ConversationLanguage>;

  constructor(
    conversationState: ConversationState,
    private readonly catalogs: readonly Messages[],
  ) {
    this.property = conversationState.createProperty<ConversationLanguage>(LANGUAGE_PROPERTY);
    this.onEvent = useSavedLanguage(conversationState);
  }

  async beforeDialogs(context: TurnContext): Promise<PatronTurnDecision> {
    const saved = await this.property.get(context, {});
    // A withheld card number or PIN reads "[PIN withheld]" by now: it says nothing about the language.
    const text = [PIN_MASK, CARD_ANSWER_MASK, NUMBER_MASK].reduce(
      (said, mask) => said.split(mask).join(' '),
      context.activity.text ?? '',
    );
    const reading = readLanguage(text, {
      catalogs: this.catalogs,
      previous: saved.language,
      hint: context.activity.locale,
    });
    // A language the patron chose in words stays until they choose another.
    const language = saved.chosen && !reading.asked ? saved.language! : reading.language;
    setTurnLanguage(context, language);
    setMessageLanguage(context, reading.language);
    // The page shows its own texts in the language it opened in (its locale) until told otherwise.
    const shown = saved.language ?? supportedLanguage(context.activity.locale) ?? 'en';
    const event = language !== shown ? languageEvent(context.activity.channelId, language) : undefined;
    if (event) await context.sendActivity(event);
    await this.property.set(context, { language, chosen: saved.chosen || reading.asked });
    if (!reading.asked) return { kind: 'continue' };
    await sendReply(context, { kind: 'text', text: messagesFor(language).switched });
    return { kind: 'handled' };
  }

  /** Page events (clear the chat) are answered in the conversation's language too. */
  readonly onEvent: (context: TurnContext) => Promise<void>;
}
