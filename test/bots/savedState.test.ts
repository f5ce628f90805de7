// Conversation and user state with the JSON change check: written when a turn changed them (and only
// then), readable by dialogs and property accessors as before, on a real SQLite file.
import { expect } from 'chai';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogState, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { LibraryConversationState, LibraryUserState } from '../../bots/savedState';
import { SqliteStorage } from '../../storage/sqliteStorage';

describe('saved state (JSON change check)', () => {
  let folder: string;
  let storage: SqliteStorage;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'saved-state-'));
    storage = new SqliteStorage(join(folder, 'state.db'));
  });

  afterEach(() => {
    sinon.restore();
    storage.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** One turn of `handler` on a TestAdapter conversation; the storage keys written during it. */
  async function turn(handler: (context: TurnContext) => Promise<void>): Promise<string[][]> {
    const write = sinon.spy(storage, 'write');
    try {
      await new TestAdapter(handler).send('hello').startTest();
      return write.getCalls().map((call) => Object.keys(call.args[0]));
    } finally {
      write.restore();
    }
  }

  it('writes a changed state once, and nothing on a turn that changed nothing', async () => {
    const conversation = new LibraryConversationState(storage);
    const visits = conversation.createProperty<number>('visits');
    const counting = async (context: TurnContext) => {
      await visits.set(context, (await visits.get(context, 0)) + 1);
      await conversation.saveChanges(context);
      await conversation.saveChanges(context); // unchanged since the first save: no second write
    };
    expect(await turn(counting)).to.have.length(1);
    expect(await turn(counting)).to.have.length(1);
    const reading = async (context: TurnContext) => {
      expect(await visits.get(context, 0)).to.equal(2);
      await conversation.saveChanges(context);
    };
    expect(await turn(reading)).to.deep.equal([]);
  });

  it('a change deep inside an object is seen; force writes an unchanged state', async () => {
    const user = new LibraryUserState(storage);
    const preferences = user.createProperty<{ interests: string[] }>('preferences');
    await turn(async (context) => {
      await preferences.set(context, { interests: ['knitting'] });
      await user.saveChanges(context);
    });
    const written = await turn(async (context) => {
      (await preferences.get(context, { interests: [] })).interests.push('chess');
      await user.saveChanges(context);
    });
    expect(written).to.have.length(1);
    const forced = await turn(async (context) => {
      await user.load(context);
      await user.saveChanges(context, true);
    });
    expect(forced).to.have.length(1);
    await turn(async (context) => {
      expect(await preferences.get(context)).to.deep.equal({ interests: ['knitting', 'chess'] });
    });
  });

  it('clear saves an empty state; delete removes the document', async () => {
    const conversation = new LibraryConversationState(storage);
    const note = conversation.createProperty<string>('note');
    await turn(async (context) => {
      await note.set(context, 'kept');
      await conversation.saveChanges(context);
    });
    await turn(async (context) => {
      await conversation.clear(context);
      await conversation.saveChanges(context);
    });
    await turn(async (context) => {
      expect(await note.get(context)).to.equal(undefined);
      expect(conversation.get(context)).to.be.an('object');
      await note.set(context, 'again');
      await conversation.saveChanges(context);
      await conversation.delete(context);
      expect(conversation.get(context)).to.equal(undefined);
    });
    await turn(async (context) => {
      expect(await conversation.load(context)).to.deep.equal({});
    });
  });

  it('a waterfall keeps its step and values across turns on it', async () => {
    const conversation = new LibraryConversationState(storage);
    const dialogs = new DialogSet(conversation.createProperty<DialogState>('dialogState'));
    dialogs.add(new TextPrompt('ask'));
    dialogs.add(
      new WaterfallDialog('pickup', [
        async (step) => step.prompt('ask', 'Which branch?'),
        async (step) => {
          await step.context.sendActivity(`Pickup at ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog('pickup');
      await conversation.saveChanges(context);
    });
    await adapter
      .send('hold please')
      .assertReply('Which branch?')
      .send('Oak Hill')
      .assertReply('Pickup at Oak Hill');
  });

  it('makes the state text once per load and once per save on SQLite, and stores what the turn changed', async () => {
    const conversation = new LibraryConversationState(storage);
    const visits = conversation.createProperty<{ count: number; branches: string[] }>('visits');
    const counting = async (context: TurnContext) => {
      const value = await visits.get(context, { count: 0, branches: [] });
      value.count += 1; // changed in place, as dialogs change their state
      value.branches.push(`branch ${value.count}`);
      await conversation.saveChanges(context);
    };
    await turn(counting);
    const stringify = sinon.spy(JSON, 'stringify');
    try {
      await turn(counting);
      // The load's fingerprint is the text read; the save's is the text written: one text per turn.
      expect(stringify.callCount).to.equal(1);
    } finally {
      stringify.restore();
    }
    const key = 'test/conversations/Convo1/';
    const stored = await storage.read([key]);
    expect(stored[key]).to.deep.include({ visits: { count: 2, branches: ['branch 1', 'branch 2'] } });
  });

  it('never writes a text read earlier for a document changed since (another module reading and writing)', async () => {
    await storage.write({ 'shared/doc': { queue: ['first'] } });
    const read = (await storage.read(['shared/doc']))['shared/doc'] as { queue: string[]; eTag?: string };
    read.queue.push('second');
    await storage.write({ 'shared/doc': read });
    const again = (await storage.read(['shared/doc']))['shared/doc'] as { queue: string[] };
    expect(again.queue).to.deep.equal(['first', 'second']);
  });
});
