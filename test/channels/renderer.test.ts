import { expect } from 'chai';
import { renderReply, SMS_MAX_LENGTH, SMS_PREFERRED_LENGTH, splitForSms } from '../../channels/renderer';
import { Reply } from '../../channels/reply';

const choice: Reply = {
  kind: 'choice',
  prompt: 'Which branch?',
  options: [
    { label: 'Main Library', value: 'main' },
    { label: 'Eastside Branch' },
    { label: 'Oak Hill Branch' },
  ],
};

describe('Renderer', () => {
  it('gives Web Chat and Teams suggested actions for a choice', () => {
    const [activity] = renderReply(choice, 'webchat');
    expect(activity.text).to.equal('Which branch?');
    expect(activity.suggestedActions?.actions.map((a) => [a.title, a.value])).to.deep.equal([
      ['Main Library', 'main'],
      ['Eastside Branch', 'Eastside Branch'],
      ['Oak Hill Branch', 'Oak Hill Branch'],
    ]);
  });

  it('gives SMS numbered text with no buttons', () => {
    const activities = renderReply(choice, 'sms');
    expect(activities).to.have.length(1);
    expect(activities[0].suggestedActions).to.equal(undefined);
    expect(activities[0].attachments).to.equal(undefined);
    expect(activities[0].text).to.equal(
      'Which branch?\n1. Main Library\n2. Eastside Branch\n3. Oak Hill Branch\nReply a number from 1 to 3.',
    );
  });

  it('renders a table as an Adaptive Card fact set, and as lines in SMS', () => {
    const table: Reply = {
      kind: 'table',
      title: 'Main Library this week',
      rows: [
        { label: 'Mon', value: '9:00 AM-9:00 PM' },
        { label: 'Sun', value: '1:00-5:00 PM' },
      ],
    };
    const [rich] = renderReply(table, 'msteams');
    const card = rich.attachments?.[0];
    expect(card?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    const body = (card?.content as { body: { type: string; facts?: unknown[] }[] }).body;
    expect(body.find((element) => element.type === 'FactSet')?.facts).to.have.length(2);
    expect(renderReply(table, 'sms')[0].text).to.equal(
      'Main Library this week\nMon: 9:00 AM-9:00 PM\nSun: 1:00-5:00 PM',
    );
  });

  it('uses the short SMS wording when a reply has one', () => {
    const reply: Reply = { kind: 'text', text: 'A long web answer with details.', smsText: 'Short.' };
    expect(renderReply(reply, 'sms')[0].text).to.equal('Short.');
    expect(renderReply(reply, 'webchat')[0].text).to.equal('A long web answer with details.');
  });

  it('never sends an SMS over 1,600 characters, splitting at line breaks', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i}: ${'word '.repeat(8).trim()}`).join('\n');
    const parts = splitForSms(long);
    expect(parts.length).to.be.greaterThan(1);
    parts.forEach((part) => expect(part.length).to.be.at.most(SMS_MAX_LENGTH));
    expect(parts.join('\n')).to.equal(long.trim());
  });

  it('lists items with their actions as card buttons', () => {
    const list: Reply = {
      kind: 'list',
      title: 'Your holds',
      items: [
        {
          title: 'Project Hail Mary',
          lines: ['Book', 'Ready at Eastside Branch'],
          action: { label: 'Cancel', value: 'cancel 1' },
        },
      ],
      more: { label: 'More', value: 'more' },
    };
    const [rich] = renderReply(list, 'webchat');
    expect(JSON.stringify(rich.attachments)).to.include('"text":"cancel 1"');
    expect(rich.suggestedActions?.actions[0].value).to.equal('more');
    expect(renderReply(list, 'sms')[0].text).to.include(
      '1. Project Hail Mary\nBook\nReady at Eastside Branch',
    );
  });
});

describe('Renderer: titles in Web Chat', () => {
  it('shows a table or list title once, as the message text, not again inside the card', () => {
    const replies: Extract<Reply, { kind: 'table' | 'list' }>[] = [
      { kind: 'table', title: 'Hours tomorrow', rows: [{ label: 'Main Library', value: '9:00 AM-9:00 PM' }] },
      {
        kind: 'list',
        title: 'Programs tomorrow',
        items: [{ title: 'Lego Club', lines: ['Eastside Branch'] }],
      },
    ];
    for (const reply of replies) {
      const [activity] = renderReply(reply, 'webchat');
      expect(activity.text).to.equal(reply.title);
      const card = JSON.stringify(activity.attachments![0].content);
      expect(card).not.to.contain(reply.title);
      expect(card).to.contain(reply.kind === 'table' ? '9:00 AM-9:00 PM' : 'Lego Club');
    }
  });
});

describe('Renderer: SMS lists', () => {
  const program = (n: number) => ({
    title: `Program number ${n} with a fairly long title`,
    lines: ['Saturday, Dec 5, 10:00-11:30 AM', 'Eastside Branch', 'For kids, families, ages 4-12'],
    description: 'Not sent by SMS: '.repeat(10),
    link: { label: 'Details and registration', url: `https://riverbend-library.example.org/events/${n}` },
  });

  it('sends a page of three programs within 320 characters per message, none lost', () => {
    const list: Reply = {
      kind: 'list',
      title: 'Programs for kids this weekend (1-3 of 7)',
      items: [program(1), program(2), program(3)],
      more: { label: 'More', value: 'more' },
    };
    const whole = renderReply(list, 'sms').map((a) => a.text!);
    expect(whole.join('\n\n').length).to.be.greaterThan(SMS_PREFERRED_LENGTH);
    expect(whole.length).to.be.within(2, 4);
    whole.forEach((text) => expect(text.length).to.be.at.most(SMS_PREFERRED_LENGTH));
    expect(whole[0]).to.match(/^Programs for kids this weekend \(1-3 of 7\)\n\n1\. Program number 1/);
    for (const n of [1, 2, 3]) expect(whole.join('\n')).to.contain(`${n}. Program number ${n}`);
    expect(whole.join('\n')).not.to.contain('Not sent by SMS');
    expect(whole[whole.length - 1]).to.match(/Reply "more" for more\.$/);
  });

  it('keeps an item longer than 320 characters whole up to the 1,600 limit', () => {
    const long = { ...program(1), lines: ['x'.repeat(500)] };
    const texts = renderReply({ kind: 'list', title: 'Programs', items: [long] }, 'sms').map((a) => a.text!);
    expect(texts).to.have.length(2);
    expect(texts[1]).to.contain('x'.repeat(500));
    texts.forEach((text) => expect(text.length).to.be.at.most(SMS_MAX_LENGTH));
  });
});

describe('Renderer: marks for the web page', () => {
  it('marks a PIN question for Web Chat with inputHint and channelData, not for Teams or SMS', () => {
    const ask: Reply = { kind: 'text', text: 'Now your PIN, please.', sensitive: 'pin' };
    const [web] = renderReply(ask, 'directline');
    expect(web.inputHint).to.equal('expectingInput');
    expect(web.channelData).to.deep.equal({ libraryBot: { sensitiveInput: 'pin' } });
    const [teams] = renderReply(ask, 'msteams');
    expect(teams.text).to.equal('Now your PIN, please.');
    expect(teams.inputHint).to.equal(undefined);
    expect(teams.channelData).to.equal(undefined);
    const sms = renderReply(ask, 'sms');
    expect(sms).to.deep.equal([{ type: 'message', text: 'Now your PIN, please.' }]);
  });

  it('marks the sign-out reply so the page clears the chat', () => {
    const [web] = renderReply({ kind: 'text', text: "You're signed out.", endsSession: true }, 'webchat');
    expect(web.channelData).to.deep.equal({ libraryBot: { signedOut: true } });
    expect(web.inputHint).to.equal(undefined);
    expect(renderReply({ kind: 'text', text: 'Hello' }, 'webchat')[0].channelData).to.equal(undefined);
  });

  it('shows a reply that repeats what the patron typed as plain text, never markdown or a link', () => {
    const reply: Reply = {
      kind: 'text',
      text: 'Staff will reply by email at jane_doe@example.org, usually soon after 9:00 AM.',
      quotesPatron: true,
    };
    for (const channelId of ['webchat', 'directline', 'msteams']) {
      const [activity] = renderReply(reply, channelId);
      expect(activity.textFormat, channelId).to.equal('plain');
      expect(activity.text).to.equal(reply.text);
    }
    expect(renderReply({ kind: 'text', text: 'Hours today' }, 'webchat')[0].textFormat).to.equal(undefined);
    expect(renderReply(reply, 'sms')[0]).to.deep.equal({ type: 'message', text: reply.text });
  });

  it('gives a list item no clickable container, so every control is named by its own text', () => {
    const [web] = renderReply(
      {
        kind: 'list',
        title: 'Programs',
        items: [
          {
            title: 'Storytime',
            lines: ['Monday 10:00 AM'],
            link: { label: 'Details and registration', url: 'https://example.org/storytime' },
          },
        ],
      },
      'webchat',
    );
    const card = JSON.stringify(web.attachments?.[0].content);
    expect(card).not.to.contain('selectAction');
    expect(card).to.contain('"type":"Action.OpenUrl","title":"Details and registration"');
  });
});
