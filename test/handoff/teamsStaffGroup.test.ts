// Teams staff recognised by an Entra group as well as by the staff team (the Graph wire format is
// covered in entraGroup.test.ts; here the group answer is given directly).
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { type Harness, patronSays, startHarness } from './harness';

const tenantId = 'tenant-riverbend';
const teamId = '19:staff-team@thread.tacv2';
const channelId = '19:patron-chats@thread.tacv2';
const robin = { id: '29:robin', name: 'Robin', aadObjectId: 'a1a1a1a1-b2b2-4c3c-8d4d-e5e5e5e5e5e5' };
const mallory = { id: '29:mallory', name: 'Robin', aadObjectId: 'f0f0f0f0-b2b2-4c3c-8d4d-e5e5e5e5e5e5' };

describe('handoff: Teams staff from an Entra group', () => {
  let h: Harness;
  afterEach(async () => h && (await h.stop()));

  function teams(from: typeof robin, conversationId: string, fields: Partial<Activity>) {
    return h.send({
      channelId: 'msteams',
      conversation: {
        id: conversationId,
        conversationType: 'channel',
        tenantId,
        isGroup: true,
      } as Activity['conversation'],
      from,
      recipient: { id: '28:bot', name: 'Library Help Bot' },
      channelData: { tenant: { id: tenantId }, team: { id: teamId }, channel: { id: channelId } },
      ...fields,
    });
  }

  it('lets a group member who is not in the staff team claim, and refuses a look-alike outside it', async () => {
    const asked: string[] = [];
    h = await startHarness({
      teams: { tenantId, teamId, channelId },
      staffGroup: {
        isMember: async (objectId) => {
          asked.push(objectId);
          return objectId === robin.aadObjectId;
        },
      },
    });
    await teams(robin, channelId, { type: 'message', text: 'available' });
    await h.send(patronSays('p1', 'can I talk to a person'));
    const thread = h.connector.created.at(-1)?.id as string;
    const caseId = (await h.handoff.service.queue())[0].handoff.id;
    const claim = (who: typeof robin) =>
      teams(who, thread, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'handoff.claim', data: { caseId } },
          trigger: 'manual',
        },
      });

    const refused = await claim(mallory);
    expect(JSON.stringify(refused.body)).to.contain('Only library staff in the staff team can do that.');
    const claimed = await claim(robin);
    expect(JSON.stringify(claimed.body)).to.contain('Robin is chatting with this patron');
    expect((await h.handoff.service.getCase(caseId))?.claimedBy).to.deep.equal({
      id: robin.aadObjectId,
      name: 'Robin',
      channel: 'teams',
    });
    expect(asked).to.include.members([robin.aadObjectId, mallory.aadObjectId]);
  });
});
