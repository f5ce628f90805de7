// A patron's conversation on a bot harness for the Spanish tests (issue 15): each message's replies as the
// patron sees them, every one checked first for English sentences (proper names aside).
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { visibleText } from '../dialogs/conversationHarness';
import type { BotHarness } from './botHarness';
import { englishSentences } from './englishSentences';

/** Conversations on `harness()` named `<prefix>-1`, `<prefix>-2`, ...; `say` gives each reply's text. */
export function spanishConversations(harness: () => BotHarness, prefix: string) {
  let count = 0;
  return (channel: string) => {
    const conversation = harness().conversation(`${prefix}-${++count}`, channel, `patron-${prefix}-${count}`);
    return async (text: string): Promise<string[]> => {
      const activities: Partial<Activity>[] = await conversation.say(text);
      const replies = activities.filter((a) => a.type === 'message').map(visibleText);
      expect(replies.flatMap(englishSentences), `English in the reply to "${text}"`).to.deep.equal([]);
      return replies;
    };
  };
}
