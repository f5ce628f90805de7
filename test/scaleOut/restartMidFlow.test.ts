// Issue 10, finding 6: the bot stopped (SIGTERM or kill -9) at "Place a hold ...?" and restarted on
// the same data folder. The patron's answer gets a real reply: the hold is placed when the session
// survived (it is kept in the bot's storage), and when it is gone the patron is told they were
// signed out and asked to sign in again, never silence or "didn't understand".
import { expect } from 'chai';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FakeConnector } from '../handoff/fakeConnector';
import { type BotProcess, postActivity, startBotProcess } from '../support/botProcess';
import { temporaryDirectory } from '../support/testBot';

describe('a restart at "Place a hold ...?" (issue 10: 6), with real processes', function () {
  this.timeout(400_000);
  let connector: FakeConnector;
  let folder: string;
  let bot: BotProcess | undefined;
  let seq = 0;

  before(async () => {
    connector = new FakeConnector();
    await connector.start();
  });
  beforeEach(() => {
    folder = temporaryDirectory();
  });
  afterEach(async () => {
    await bot?.stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });
  after(() => connector.stop());

  const start = () => startBotProcess({ DATA_DIR: folder });

  /** What the patron sees after sending `fields` (a message by default). */
  async function send(conversation: string, fields: Record<string, unknown>): Promise<string> {
    const before = connector.textsTo(conversation).length;
    const { status } = await postActivity((bot as BotProcess).url, {
      id: `activity-${++seq}`,
      type: 'message',
      channelId: 'webchat',
      serviceUrl: connector.url,
      conversation: { id: conversation },
      from: { id: `dl_${conversation}`, name: '' },
      recipient: { id: 'library-bot', name: 'Library Help Bot' },
      ...fields,
    });
    expect(status).to.equal(200);
    return connector.textsTo(conversation).slice(before).join('\n');
  }
  const say = (conversation: string, text: string) => send(conversation, { text });

  /** Signs in and gets to the last question of placing `title` (three formats) on hold. */
  async function reachConfirmation(conversation: string, title: string): Promise<void> {
    expect(await say(conversation, `place a hold on ${title}`)).to.match(/card number/i);
    expect(await say(conversation, '21000000000002')).to.match(/PIN/);
    expect(await say(conversation, '1357'))
      .to.match(/signed in/)
      .and.match(/Is it the one\?/);
    expect(await say(conversation, 'yes')).to.match(/comes in \d formats/);
    const asked = await say(conversation, 'book');
    expect(asked, asked).to.match(new RegExp(`^Place a hold on ${title} \\(.*\\) for pickup at .*\\?$`, 'm'));
  }

  // Three starts in all (each loads the whole bot: seconds on a busy machine), one conversation each.
  it('kill -9, then SIGTERM: "yes" after each restart places the hold; a lost session is told and signed in again', async () => {
    bot = await start();
    await reachConfirmation('after-kill', 'The Midnight Library');
    await bot.stop('SIGKILL');

    bot = await start();
    expect(await say('after-kill', 'yes'))
      .to.match(/The Midnight Library/)
      .and.match(/placed|on hold/i);
    await reachConfirmation('after-term', 'Klara and the Sun');
    await reachConfirmation('session-gone', 'The Vanishing Half');
    expect(await bot.stop('SIGTERM')).to.equal(0);
    // One session is gone (as after idle expiry, or state kept elsewhere): delete it from bot state.
    const state = new Database(join(folder, 'bot-state.sqlite'));
    const removed = state
      .prepare(`DELETE FROM bot_state WHERE key LIKE 'patron-sign-in/session/%session-gone%'`)
      .run();
    state.close();
    expect(removed.changes).to.equal(1);

    bot = await start();
    expect(await say('after-term', 'yes'))
      .to.match(/Klara and the Sun/)
      .and.match(/placed|on hold/i);
    // Web Chat's button: the option's value posted as the message.
    const reply = await send('session-gone', { text: 'yes', value: 'yes' });
    expect(reply)
      .to.match(/signed out/i)
      .and.match(/haven't placed the hold on The Vanishing Half/);
    expect(reply).to.match(/card number/i);
    expect(reply).to.not.match(/didn't understand|didn't catch/i);
    expect(await say('session-gone', '21000000000002')).to.match(/PIN/);
    expect(await say('session-gone', '1357')).to.match(/Is it the one\?/);
    expect(await say('session-gone', 'yes')).to.match(/comes in \d formats/);
    expect(await say('session-gone', 'book')).to.match(/^Place a hold on The Vanishing Half \(.*\)/m);
    expect(await say('session-gone', 'yes'))
      .to.match(/The Vanishing Half/)
      .and.match(/placed|on hold/i);
  });
});
