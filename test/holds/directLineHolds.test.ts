// End to end: the real bot (restify, CloudAdapter, built-in Direct Line, SQLite state, trained
// recognizer) with the holds feature wired as server/libraryBotApp.ts does.
import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectLineTestClient } from '../support/directLineClient';
import { demoLibraryRecognizer, startTestBot, type TestBot } from '../support/testBot';

describe('holds over the built-in Direct Line', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ recognizer: demoLibraryRecognizer() });
  });
  after(() => bot.stop());

  it('signs the patron out at once when the page asks to end the session ("Clear this chat")', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    const shown = (activities: Activity[]) =>
      activities.map((a) => a.text ?? JSON.stringify(a.attachments)).join('\n');
    await client.ask('show my holds');
    await client.ask('21000000000002');
    expect(shown(await client.ask('1357'))).to.include('no holds');
    expect(shown(await client.ask('show my holds'))).to.include('no holds');
    const ended = await client.send('', { type: 'event', name: 'library.endSession' });
    expect(ended.status).to.equal(200);
    expect(shown(await client.ask('show my holds'))).to.include('library card number');
  });

  it('signs demo patron 1 in and lists, places and cancels holds; the PIN reaches no log or state file', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    const text = (activities: Activity[]) =>
      activities
        .map((a) =>
          [
            a.text ?? '',
            JSON.stringify(a.attachments ?? []),
            ...(a.suggestedActions?.actions ?? []).map((action) => `[${action.title}]`),
          ].join(' '),
        )
        .join('\n');
    expect(text(await client.ask('is my book ready?'))).to.include('library card number');
    expect(text(await client.ask('21000000000001'))).to.include('PIN');
    const listed = text(await client.ask('2468'));
    expect(listed).to.include('Yes: The Midnight Library is ready at Eastside Branch.');
    expect(listed).to.include('Waiting: 3rd in line of 3');

    expect(text(await client.ask('put a hold on Circe by Madeline Miller'))).to.include(
      '[Circe by Madeline Miller',
    );
    expect(text(await client.ask('1'))).to.include('comes in');
    expect(text(await client.ask('Book'))).to.include('for pickup at Main Library, your home branch?');
    expect(text(await client.ask('yes'))).to.include('Done: your hold on Circe (Book) is placed.');
    expect(text(await client.ask('cancel my hold on circe'))).to.include('Cancel your hold on Circe (Book)?');
    expect(text(await client.ask('yes'))).to.include('Your hold on Circe is cancelled.');
    expect(text(await client.ask('sign out'))).to.include("You're signed out");
    // Bring in a person: what is kept for staff must not carry the card number or PIN either.
    await client.ask('I want to talk to a person');

    // Direct Line's own history (streamed back to the page) holds a placeholder for the PIN.
    const history = await fetch(
      `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${client.session.token}` } },
    );
    const historyText = JSON.stringify(await history.json());
    expect(historyText).to.include('[PIN withheld]').and.include('[card number withheld]');
    expect(historyText).to.not.include('2468').and.not.include('21000000000001');

    expect(bot.logText()).to.not.include('2468').and.not.include('21000000000001');
    // Every file in the data folder: bot state, handoff records, the demo library system.
    const files = readdirSync(bot.dataDir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    );
    expect(files.map((f) => f.name)).to.include('bot-state.sqlite');
    for (const file of files.map((f) => join(f.parentPath ?? bot.dataDir, f.name))) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes, file).to.not.include('2468').and.not.include('21000000000001');
    }
  });
});
