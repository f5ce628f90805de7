// The dialogs' memory scopes are built by the first turn and handed to every later turn, and a
// waterfall that keeps values across turns still works on the shared set.
import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { sharedDialogMemoryConfiguration } from '../../bots/turnMiddleware';

describe('shared dialog memory configuration', () => {
  it('gives every turn after the first the same memory scopes, and dialogs keep their values', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    dialogs.add(new TextPrompt('name'));
    dialogs.add(
      new WaterfallDialog('ask', [
        async (step) => step.prompt('name', 'Your name?'),
        async (step) => {
          (step.values as Record<string, unknown>).name = step.result;
          return step.prompt('name', 'And your branch?');
        },
        async (step) => {
          await step.context.sendActivity(
            `${String((step.values as Record<string, unknown>).name)} at ${String(step.result)}`,
          );
          return step.endDialog();
        },
      ]),
    );
    const seen: unknown[] = [];
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const dc = await dialogs.createContext(context);
      seen.push(context.turnState.get('DialogStateManagerConfiguration'));
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog('ask');
      await conversationState.saveChanges(context);
    }).use(sharedDialogMemoryConfiguration());

    await adapter
      .send('hi')
      .assertReply('Your name?')
      .send('Ana')
      .assertReply('And your branch?')
      .send('Oak Hill')
      .assertReply('Ana at Oak Hill')
      .startTest();
    expect(seen).to.have.length(3);
    expect((seen[0] as { memoryScopes: unknown[] }).memoryScopes.length).to.be.greaterThan(5);
    expect(seen[1]).to.equal(seen[0]);
    expect(seen[2]).to.equal(seen[0]);
  });
});
