// Regression tests for issue 10, findings 4 and 5, through the real server and the built-in Direct
// Line: a PIN never reaches Direct Line history, dialog state (the SQLite file), recent turns for staff
// or the logs, however it arrives: after a `typing` activity, typed spaced, in one sentence with the
// card number, after a new topic at the PIN question, or after a lockout.
import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { secretAt } from '../support/secretSearch';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagesFor } from '../../library/language/catalog';
import { DirectLineTestClient } from '../support/directLineClient';
import { demoLibraryRecognizer, startTestBot, type TestBot } from '../support/testBot';

const UNASKED_SECRET_REPLY = messagesFor('en').signIn.unaskedSecret;
const text = (activities: Activity[]) => activities.map((a) => a.text ?? '').join('\n');

describe('sign-in screening on the dialog state and the text, not the previous activity (issue 10: 4, 5)', function () {
  this.timeout(30000);
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ recognizer: demoLibraryRecognizer() });
  });
  afterEach(() => bot.stop());

  async function history(client: DirectLineTestClient): Promise<string> {
    const response = await fetch(
      `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${client.session.token}` } },
    );
    return JSON.stringify(await response.json());
  }

  /** Every file in the data folder (bot state with dialog state and recent turns, handoff, library). */
  function stored(): string {
    return readdirSync(bot.dataDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(join(f.parentPath ?? bot.dataDir, f.name)).toString('latin1'))
      .join('\n');
  }

  function expectNowhere(secrets: string[], where: Record<string, string>): void {
    for (const [name, content] of Object.entries(where))
      for (const secret of secrets) expect(secretAt(content, secret), `${secret} in ${name}`).to.equal(-1);
  }

  it('4: card number, then a typing activity, then the PIN: the PIN is withheld from the history', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('show my holds');
    expect(text(await client.ask('21000000000001'))).to.include('PIN');
    expect((await client.send('', { type: 'typing' })).status).to.equal(200);
    expect(text(await client.ask('2468'))).to.include('Your 3 holds');
    const kept = await history(client);
    expect(kept).to.include('[PIN withheld]');
    expectNowhere(['2468', '21000000000001'], { history: kept, logs: bot.logText(), files: stored() });
  });

  it('5: a PIN typed spaced ("1 3 5 7") signs in and is withheld from history, state and recent turns', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('show my holds');
    await client.ask('21000000000002');
    expect(text(await client.ask('1 3 5 7'))).to.include("you're signed in");
    // Recent turns are written to conversation state for a staff summary: bring in a person.
    await client.ask('I want to talk to a person');
    const kept = await history(client);
    expectNowhere(['1 3 5 7', '1357', '21000000000002'], { history: kept, logs: bot.logText() });
    // In the binary files a four-digit run can occur by chance (timestamps, hashes): the spaced form cannot.
    expectNowhere(['1 3 5 7', '21000000000002'], { files: stored() });
  });

  it('5: "my card is ... and pin ... whats on hold" signs in and answers, and is never kept verbatim', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    const answer = text(await client.ask('my card is 21000000000001 and pin 2468 whats on hold'));
    expect(answer).to.include("Thanks, Jordan: you're signed in.").and.include('Your 3 holds');
    await client.ask('I want to talk to a person');
    const kept = await history(client);
    expect(kept).to.include('my card is ****0001 and pin [PIN withheld] whats on hold');
    expectNowhere(['2468', '21000000000001'], { history: kept, logs: bot.logText(), files: stored() });
  });

  it('5: a PIN typed after a new topic at the PIN question is withheld, and the patron is told why', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('show my holds');
    await client.ask('21000000000001');
    expect(text(await client.ask('what time do you close today?'))).to.include('Hours today');
    expect(text(await client.ask('2468'))).to.equal(UNASKED_SECRET_REPLY);
    expect(text(await client.ask('1 3 5 7'))).to.equal(UNASKED_SECRET_REPLY);
    await client.ask('I want to talk to a person');
    const kept = await history(client);
    expectNowhere(['2468', '1 3 5 7', '21000000000001'], {
      history: kept,
      logs: bot.logText(),
      files: stored(),
    });
  });

  it('5: a PIN typed again after a lockout is withheld', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('show my holds');
    for (let i = 0; i < 5; i += 1) {
      await client.ask('21000000000001');
      await client.ask(`000${i}`);
    }
    expect(text(client.received.slice(-1))).to.include('sign-in is paused');
    expect(text(await client.ask('2468'))).to.equal(UNASKED_SECRET_REPLY);
    const kept = await history(client);
    expectNowhere(['2468', '21000000000001'], { history: kept, logs: bot.logText(), files: stored() });
  });
});
