// The Teams staff channel through the real server, with a loopback fake Bot Connector standing in
// for Teams (and for the patron's web channel) and recording the REST calls the bot makes.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { LoadedLibraryConfig } from '../../config/libraryConfig';
import { loadDemoLibrary, startTestBot, temporaryDirectory, type TestBot } from '../support/testBot';
import { FakeConnector } from './fakeConnector';

const tenantId = 'tenant-riverbend';
const teamId = '19:staff-team@thread.tacv2';
const channelId = '19:patron-chats@thread.tacv2';
const bot = { id: '28:library-bot', name: 'Library Help Bot' };
const sam = { id: '29:sam', name: 'Sam Rivera', aadObjectId: 'aad-sam' };
const alex = { id: '29:alex', name: 'Alex Chen', aadObjectId: 'aad-alex' };
const eve = { id: '29:eve', name: 'Sam Rivera', aadObjectId: 'aad-eve' }; // same display name, not staff

function teamsLibrary(serviceUrl: string): LoadedLibraryConfig {
  const library = loadDemoLibrary();
  return {
    ...library,
    config: {
      ...library.config,
      staff: {
        ...library.config.staff,
        channel: 'teams',
        teams: { tenantId, teamId, channelId, serviceUrl },
      },
    },
  };
}

describe('handoff: Teams staff channel (fake Bot Connector)', function () {
  this.timeout(60000);
  let connector: FakeConnector;
  let app: TestBot;
  let now: Date;
  let seq = 0;

  beforeEach(async () => {
    connector = new FakeConnector();
    await connector.start();
    connector.teams.set(teamId, [sam, alex]);
    now = new Date('2026-11-30T16:00:00Z'); // Monday 10:00 in Riverbend
    app = await startTestBot({ library: teamsLibrary(connector.url), now: () => now });
  });
  afterEach(async () => {
    await app.stop();
    await connector.stop();
  });

  async function post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `a${++seq}`,
        serviceUrl: connector.url,
        timestamp: now.toISOString(),
        ...activity,
      }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const patronSays = (text: string) =>
    post({
      type: 'message',
      channelId: 'webchat',
      conversation: { id: 'patron-1' } as Activity['conversation'],
      from: { id: 'dl_patron', name: '' },
      recipient: bot,
      text,
    });

  function teams(from: typeof sam, conversationId: string, fields: Partial<Activity>, tenant = tenantId) {
    return post({
      channelId: 'msteams',
      conversation: {
        id: conversationId,
        conversationType: 'channel',
        tenantId: tenant,
        isGroup: true,
      } as Activity['conversation'],
      from,
      recipient: bot,
      channelData: { tenant: { id: tenant }, team: { id: teamId }, channel: { id: channelId } },
      ...fields,
    });
  }

  /** A message @mentioning the bot (and maybe a colleague), as Teams delivers it in a channel. */
  function mentioning(text: string, others: (typeof sam)[] = []): Partial<Activity> {
    const mention = (who: { id: string; name: string }) => ({
      type: 'mention',
      text: `<at>${who.name}</at>`,
      mentioned: { id: who.id, name: who.name },
    });
    return {
      type: 'message',
      text: `<at>${bot.name}</at> ${text}`,
      entities: [mention(bot), ...others.map(mention)],
    };
  }

  const claimInvoke = (caseId: string): Partial<Activity> => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        id: 'claim',
        verb: 'handoff.claim',
        data: { verb: 'handoff.claim', caseId },
      },
      trigger: 'manual',
    },
  });

  async function escalate(): Promise<{ thread: string; caseId: string; rootId: string }> {
    await teams(sam, channelId, mentioning('available'));
    await patronSays('I want to talk to a person');
    const created = connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created, 'a new thread in the staff channel').to.not.equal(undefined);
    expect(created?.body?.channelData).to.deep.include({
      channel: { id: channelId },
      tenant: { id: tenantId },
    });
    const cardText = JSON.stringify(created?.body?.activity);
    expect(cardText).to.contain('A patron is waiting for a person').and.to.contain('"type":"Action.Execute"');
    const caseId = /"caseId":"([^"]+)"/.exec(cardText)?.[1] as string;
    const thread = connector.created.at(-1);
    return { thread: thread?.id as string, caseId, rootId: thread?.activityId as string };
  }

  it('posts a thread, refuses non-staff, lets staff claim (refreshing the card) and relays both ways', async () => {
    const { thread, caseId, rootId } = await escalate();

    // Not in the staff team (same display name as Sam): refused, nothing claimed.
    const refused = await teams(eve, thread, claimInvoke(caseId));
    expect(refused.body).to.deep.equal({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only library staff in the staff team can do that.',
    });
    // Another tenant: refused before Teams is even asked.
    const membershipChecks = connector.calls.filter((c) => c.path.includes('/members/')).length;
    await teams(sam, thread, claimInvoke(caseId), 'tenant-elsewhere');
    expect(connector.calls.filter((c) => c.path.includes('/members/')).length).to.equal(membershipChecks);
    expect((await app.app.bot.capabilities.handoff.handoff.service.getCase(caseId))?.status).to.equal(
      'queued',
    );

    const claimed = await teams(sam, thread, claimInvoke(caseId));
    const response = claimed.body as { statusCode: number; type: string; value: unknown };
    expect(response.statusCode).to.equal(200);
    expect(response.type).to.equal('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(response.value)).to.contain('Sam Rivera is chatting with this patron');
    const update = connector.calls.find((c) => c.method === 'PUT');
    expect(update?.conversationId).to.equal(thread);
    expect(update?.activityId).to.equal(rootId);
    expect(JSON.stringify(update?.body)).to.contain('Sam Rivera is chatting with this patron');
    expect(connector.textsTo('patron-1')).to.include(
      "Sam Rivera from the library has joined. You're now chatting with a person.",
    );

    // Staff reply in the thread, with the bot's @mention removed, reaches the patron.
    await teams(sam, thread, mentioning('Your hold is on the shelf.'));
    expect(connector.textsTo('patron-1')).to.include('Sam Rivera: Your hold is on the shelf.');
    await patronSays('Great, thanks');
    expect(connector.textsTo(thread)).to.include('Patron: Great, thanks');

    // A non-member's reply in the thread is refused and not relayed.
    await teams(eve, thread, mentioning('I can help too'));
    expect(connector.textsTo(thread)).to.include(
      'Only library staff in the staff team can use this bot here.',
    );
    expect(connector.textsTo('patron-1').join(' ')).not.to.contain('I can help too');

    // "transfer @Alex" in the thread, then Alex ends it.
    await teams(sam, thread, mentioning('transfer <at>Alex Chen</at>', [alex]));
    expect(connector.textsTo('patron-1')).to.include(
      'Sam Rivera has passed your chat to Alex Chen, who is with you now.',
    );
    await teams(alex, thread, mentioning('It stays for 7 days.'));
    expect(connector.textsTo('patron-1')).to.include('Alex Chen: It stays for 7 days.');
    await teams(alex, thread, mentioning('end'));
    expect(connector.textsTo('patron-1')).to.include(
      "Alex Chen has left the chat. I'm here if you need anything else.",
    );
  });

  it('keeps the relay across a restart of the bot (SQLite storage, stored conversation references)', async () => {
    await app.stop();
    const dataDir = temporaryDirectory();
    app = await startTestBot({ library: teamsLibrary(connector.url), now: () => now, dataDir });
    const { thread, caseId } = await escalate();
    await teams(sam, thread, claimInvoke(caseId));

    await app.stop(true);
    app = await startTestBot({ library: teamsLibrary(connector.url), now: () => now, dataDir });
    connector.clear();
    await patronSays('Are you still there?');
    expect(connector.textsTo(thread)).to.deep.equal(['Patron: Are you still there?']);
    await teams(sam, thread, mentioning('Yes, still here.'));
    expect(connector.textsTo('patron-1')).to.deep.equal(['Sam Rivera: Yes, still here.']);
  });
});
