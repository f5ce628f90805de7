// A patron's conversation on a bot harness for the Spanish tests (issue 15): each message's replies as the
// patron sees them, every one checked first for English sentences (proper names aside).
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { visibleText } from '../dialogs/conversationHarness';
import { startBotHarness, type BotHarness } from './botHarness';
import { demoLibraryRecognizer } from './demoLibrary';
import { englishSentences } from './englishSentences';

/** The Spanish tests' fixed clock: a Tuesday morning in the demo library's zone. */
export const TUESDAY = new Date('2026-12-01T10:15:00-06:00');

/** The real composition with the trained recognizer, memory storage and the fixed clock. */
export function startSpanishHarness(): Promise<BotHarness> {
  return startBotHarness({ recognizer: demoLibraryRecognizer(), now: () => TUESDAY, storage: 'memory' });
}

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
