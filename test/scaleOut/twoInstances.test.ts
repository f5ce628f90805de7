// Two bot instances behind one bot, as on App Service with two instances: two `node dist/index.js`
// processes sharing Azure Blob Storage (Azurite) and the same DATA_DIR (the demo library system),
// with a loopback Bot Connector standing in for the patron's channel and for Teams (the staff).
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { FakeConnector } from '../handoff/fakeConnector';
import { type AzuriteBlob, startAzuriteBlob, uniqueContainerName } from '../support/azurite';
import { type BotProcess, postActivity, startBotProcess, writeDemoConfig } from '../support/botProcess';
import { temporaryDirectory } from '../support/testBot';

const teamsStaff = {
  tenantId: 'tenant-riverbend',
  teamId: '19:staff-team@thread.tacv2',
  channelId: '19:patron-chats@thread.tacv2',
};
const bot = { id: '28:library-bot', name: 'Library Help Bot' };
const sam = { id: '29:sam', name: 'Sam Rivera', aadObjectId: 'aad-sam' };
const alex = { id: '29:alex', name: 'Alex Chen', aadObjectId: 'aad-alex' };
const allDay = [{ opens: '00:00', closes: '00:00' }];

describe('two bot instances on one shared state (Azure Blobs on Azurite, one DATA_DIR)', function () {
  // Starting Azurite and two bots on a busy 2-core machine; the turns themselves take milliseconds.
  this.timeout(300_000);
  let azurite: AzuriteBlob;
  let connector: FakeConnector;
  let folder: string;
  let a: BotProcess;
  let b: BotProcess;
  let seq = 0;

  before(async () => {
    folder = temporaryDirectory();
    connector = new FakeConnector();
    [azurite] = await Promise.all([startAzuriteBlob({ inMemory: true }), connector.start()]);
    connector.teams.set(teamsStaff.teamId, [sam, alex]);
    const config = writeDemoConfig(folder, (raw) => {
      const staff = raw.staff as Record<string, unknown>;
      staff.channel = 'teams';
      staff.teams = { ...teamsStaff, serviceUrl: connector.url };
      // Staffed whenever the test runs.
      const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
      staff.chatHours = Object.fromEntries(days.map((day) => [day, allDay]));
    });
    const env = {
      STATE_STORAGE: 'azure-blobs',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: uniqueContainerName('two-instances'),
      DATA_DIR: folder,
      LIBRARY_CONFIG: config,
      PATRON_KEY_SECRET: 'a-long-random-patron-key-secret-shared-by-both',
    };
    // B starts while A is up: it finds the library system seeded and the intent model trained by A.
    a = await startBotProcess(env);
    b = await startBotProcess(env);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([azurite?.stop(), connector?.stop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  const activity = (fields: Record<string, unknown>) => ({
    id: `activity-${++seq}`,
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    recipient: bot,
    ...fields,
  });

  const patronMessage = (conversation: string, text: string) =>
    activity({
      type: 'message',
      channelId: 'webchat',
      conversation: { id: conversation },
      from: { id: `dl_${conversation}`, name: '' },
      text,
    });

  /** What the patron sees after saying `text` to one instance. */
  async function patronSays(instance: BotProcess, conversation: string, text: string): Promise<string> {
    const before = connector.textsTo(conversation).length;
    const { status } = await postActivity(instance.url, patronMessage(conversation, text));
    expect(status, text).to.be.oneOf([200, 201, 202]);
    return connector.textsTo(conversation).slice(before).join('\n');
  }

  function teams(
    instance: BotProcess,
    from: typeof sam,
    conversationId: string,
    fields: Record<string, unknown>,
  ) {
    return postActivity(
      instance.url,
      activity({
        channelId: 'msteams',
        conversation: {
          id: conversationId,
          conversationType: 'channel',
          tenantId: teamsStaff.tenantId,
          isGroup: true,
        },
        from,
        channelData: {
          tenant: { id: teamsStaff.tenantId },
          team: { id: teamsStaff.teamId },
          channel: { id: teamsStaff.channelId },
        },
        ...fields,
      }),
    );
  }

  const mentioning = (text: string) => ({
    type: 'message',
    text: `<at>${bot.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: { id: bot.id, name: bot.name } }],
  });

  const claimInvoke = (caseId: string) => ({
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

  /** The patron asks for a person on `instance`; the new staff thread and its case. */
  async function escalate(
    instance: BotProcess,
    conversation: string,
  ): Promise<{ thread: string; caseId: string }> {
    const threads = connector.created.length;
    await patronSays(instance, conversation, 'I want to talk to a person');
    expect(connector.created.length, 'a new thread in the staff channel').to.equal(threads + 1);
    const thread = connector.created[threads].id;
    const posted = connector.calls
      .filter((c) => c.method === 'POST' && c.path === '/v3/conversations')
      .at(-1);
    const caseId = /"caseId":"([^"]+)"/.exec(JSON.stringify(posted?.body?.activity))?.[1] ?? '';
    expect(caseId).to.not.equal('');
    return { thread, caseId };
  }

  it('alternates one conversation between instances and keeps its context, sign-in included', async () => {
    expect(await patronSays(a, 'patron-1', 'what do I have on hold?')).to.match(/library card number/i);
    expect(await patronSays(b, 'patron-1', '21000000000001')).to.match(/PIN/);
    const listed = await patronSays(a, 'patron-1', '2468');
    expect(listed).to.include('Jordan');
    // Signed in on A: B lists the holds without asking again.
    const again = await patronSays(b, 'patron-1', 'show my holds');
    expect(again).to.not.match(/card number|PIN/i);
    expect(again).to.include(listed.split('\n').at(-1));
  });

  it('relays a handoff asked for on A and claimed and answered by staff on B, both ways', async () => {
    await teams(b, sam, teamsStaff.channelId, mentioning('available'));
    const { thread, caseId } = await escalate(a, 'patron-2');
    const claimed = await teams(b, sam, thread, claimInvoke(caseId));
    expect(JSON.stringify(claimed.body)).to.contain('Sam Rivera is chatting with this patron');
    expect(connector.textsTo('patron-2')).to.include(
      "Sam Rivera from the library has joined. You're now chatting with a person.",
    );
    await teams(b, sam, thread, mentioning('Your hold is on the shelf.'));
    expect(connector.textsTo('patron-2')).to.include('Sam Rivera: Your hold is on the shelf.');
    await patronSays(a, 'patron-2', 'Great, thanks');
    expect(connector.textsTo(thread)).to.include('Patron: Great, thanks');
    await patronSays(b, 'patron-2', 'See you');
    expect(connector.textsTo(thread)).to.include('Patron: See you');
  });

  it('gives exactly one winner when staff on A and on B claim the same patron at once', async () => {
    await teams(a, alex, teamsStaff.channelId, mentioning('available'));
    const { thread, caseId } = await escalate(b, 'patron-3');
    const [bySam, byAlex] = await Promise.all([
      teams(a, sam, thread, claimInvoke(caseId)),
      teams(b, alex, thread, claimInvoke(caseId)),
    ]);
    // One joins the patron; both get the card as it now stands, naming the one who won.
    const joined = connector.textsTo('patron-3').filter((t) => t.includes('has joined'));
    expect(joined).to.have.length(1);
    const winner = /^(Sam Rivera|Alex Chen) from the library has joined/.exec(joined[0])?.[1];
    expect(winner).to.be.a('string');
    for (const response of [bySam, byAlex]) {
      expect(JSON.stringify(response.body)).to.contain(`${winner} is chatting with this patron`);
    }
  });

  it('answers a retried activity delivered to both instances once', async () => {
    const retried = patronMessage('patron-4', 'when does the Eastside branch close today?');
    const [first, second] = await Promise.all([postActivity(a.url, retried), postActivity(b.url, retried)]);
    expect([first.status, second.status]).to.deep.equal([200, 200]);
    const replies = connector.textsTo('patron-4');
    expect(replies, replies.join('\n')).to.have.length(1);
    expect(replies[0]).to.match(/Eastside/);
    expect(a.output() + b.output()).to.include('ignored a retried activity');
  });
});
