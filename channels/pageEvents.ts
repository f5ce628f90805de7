// Events between the library's own web page (web/chat.js) and the bot, beside the patron's messages.
import { type Activity, ActivityTypes } from 'botbuilder';
import { channelStyle } from './renderer';

/** "Clear this chat" on a shared computer: end whatever this conversation is signed in to, now. */
export const END_SESSION_EVENT = 'library.endSession';

/** To the page: the conversation's language changed (`value` is its code); the page's texts follow. */
export const LANGUAGE_EVENT = 'library.language';

/** The language event for a web page; none for SMS and Teams, which have no page of ours. */
export function languageEvent(
  channelId: string | undefined,
  language: string,
): Partial<Activity> | undefined {
  if (channelStyle(channelId) === 'text' || channelId === 'msteams') return undefined;
  return { type: ActivityTypes.Event, name: LANGUAGE_EVENT, value: language };
}
