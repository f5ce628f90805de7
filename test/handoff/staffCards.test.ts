// Finding 12 of issue 10: what the patron typed reaches staff as text, never as markdown or HTML.
import { expect } from 'chai';
import { escalationCard, ticketCard } from '../../bots/handoff/staffCards';
import type { HandoffCase, Ticket } from '../../library/handoff';
import { patronSays, startHarness, workspaceAction, workspaceReply } from './harness';

const typed =
  '**urgent** [my account](http://evil.example/x) <img src="http://evil.example/i.png"> jane@example.org';

const patron = { key: 'directline:p1', channelId: 'directline', address: {} };
const summary = {
  recentTurns: [
    { from: 'patron' as const, text: typed },
    { from: 'bot' as const, text: 'Would you like to talk to a person?' },
  ],
  intent: 'handoff',
  signedIn: false,
  reason: 'explicit',
};

type CardNode = Record<string, unknown>;

/** Every element of a card, depth first. */
function elements(node: unknown): CardNode[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const children = Object.values(node as CardNode).flatMap(elements);
  return [node as CardNode, ...children];
}

/** Where a string may be read as markdown: TextBlock text and FactSet titles and values. */
function markdownTexts(card: object): string[] {
  return elements(card).flatMap((element) => {
    if (element.type === 'TextBlock') return [String(element.text)];
    if (element.type === 'FactSet')
      return (element.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]);
    return [];
  });
}

function plainRuns(card: object): string[] {
  return elements(card)
    .filter((element) => element.type === 'TextRun')
    .map((element) => String(element.text));
}

describe('staff cards: patron text as text', () => {
  it('puts the recent turns of an escalation card in plain TextRuns, exactly as typed', () => {
    const handoff: HandoffCase = {
      id: 'case-1',
      status: 'queued',
      patron,
      summary,
      queuedAt: '2026-11-30T16:00:00Z',
      waitingSince: '2026-11-30T16:00:00Z',
      transfers: [],
      posts: [],
    };
    const card = escalationCard(handoff, new Date('2026-11-30T16:03:00Z'), 'submit');
    expect(plainRuns(card)).to.deep.equal([
      'Patron: ',
      typed,
      'Bot: ',
      'Would you like to talk to a person?',
    ]);
    expect(markdownTexts(card).join('\n')).not.to.match(/evil|jane|urgent/);
    expect(markdownTexts(card)).to.include('A patron is waiting for a person (3 min)');
  });

  it('shows a ticket message and typed contact as plain text, with a labelled answer field', () => {
    const ticket: Ticket = {
      id: 'ticket-1',
      status: 'open',
      createdAt: '2026-11-30T02:00:00Z',
      patron,
      contact: { kind: 'email', email: 'jane@example.org' },
      message: typed,
      summary,
    };
    const card = ticketCard(ticket, 'America/Chicago', 'submit');
    expect(plainRuns(card)).to.deep.equal(['Contact: ', 'Email jane@example.org', typed]);
    expect(markdownTexts(card).join('\n')).not.to.match(/evil|jane|urgent/);
    const input = elements(card).find((element) => element.type === 'Input.Text');
    expect(input?.label).to.equal('Your answer to the patron');
  });
});

describe('staff messages: patron text relayed as plain text', () => {
  it('sends relayed patron messages with textFormat plain and no replyToId', async () => {
    const h = await startHarness();
    try {
      await h.openConsole('console-sam', 'Sam');
      await h.send(patronSays('p1', 'can I talk to a person'));
      const snapshot = h.connector
        .sentTo('console-sam')
        .filter((a) => a.name === 'staff.workspace')
        .at(-1);
      const claim = (snapshot?.value as { queue: { caseId: string }[] }).queue[0].caseId;
      await h.send(workspaceAction('console-sam', { verb: 'handoff.claim', caseId: claim }));
      const joined = h.connector.sentTo('p1').filter((a) => /has joined/.test(String(a.text)));
      expect(joined.map((a) => a.replyToId)).to.deep.equal([undefined]);
      h.connector.clear();
      await h.send(patronSays('p1', typed));
      const relayed = h.connector.sentTo('console-sam');
      expect(relayed.map((a) => [a.text, a.textFormat])).to.deep.equal([[`Patron: ${typed}`, 'plain']]);
      expect(relayed[0].channelData).to.deep.equal({ libraryBot: { caseId: claim } });
      // Proactive: it answers nothing there, so Web Chat shows it at once instead of waiting 5 s
      // for an activity named by replyToId that never comes. The same for the reply the other way.
      expect(relayed[0].replyToId).to.equal(undefined);
      await h.send(workspaceReply('console-sam', claim, 'On the shelf.'));
      const reply = h.connector.sentTo('p1').filter((a) => a.text === 'Sam: On the shelf.');
      expect(reply.map((a) => a.replyToId)).to.deep.equal([undefined]);
    } finally {
      await h.stop();
    }
  });
});
