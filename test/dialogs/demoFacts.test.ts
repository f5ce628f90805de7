// Every hours fact of the demo library, asked in conversation, in Web Chat and in SMS form.
import { expect } from 'chai';
import { SMS_PREFERRED_LENGTH } from '../../channels/renderer';
import { DEMO_REGULAR_WEEK } from '../support/demoWeek';
import { demo, startConversation, visibleText } from './conversationHarness';

/** The week of Monday 30 November 2026 (no holidays), Monday to Sunday. */
const week = DEMO_REGULAR_WEEK;
const labels = [
  'Mon, Nov 30',
  'Tue, Dec 1',
  'Wed, Dec 2',
  'Thu, Dec 3',
  'Fri, Dec 4',
  'Sat, Dec 5',
  'Sun, Dec 6',
];

for (const channelId of ['webchat', 'sms']) {
  describe(`demo facts in conversation (${channelId})`, () => {
    demo.branches.forEach((branch, index) => {
      it(`${branch.name}: the week's hours, the branch chosen with "${index + 1}"`, async () => {
        const chat = startConversation({ channelId });
        await chat.say('what are the hours this week');
        const text = (await chat.say(String(index + 1))).map(visibleText).join('\n');
        labels.forEach((label, day) => expect(text).to.contain(`${label}: ${week[branch.id][day]}`));
        if (channelId === 'sms') expect(text.length).to.be.at.most(SMS_PREFERRED_LENGTH);
      });
    });

    const holidays: [string, Record<string, string>][] = [
      [
        "what are the hours on new year's eve",
        {
          'Main Library': '9:00 AM-5:00 PM',
          'Eastside Branch': '10:00 AM-5:00 PM',
          'Riverside Branch': '10:00 AM-5:00 PM',
          'Oak Hill Branch': '10:00 AM-5:00 PM',
          Bookmobile: '10:00 AM-noon at Maple Senior Center',
        },
      ],
      [
        'what are the hours on christmas eve',
        {
          'Main Library': '9:00 AM-2:00 PM',
          'Eastside Branch': 'Closed',
          'Riverside Branch': 'Closed',
          'Oak Hill Branch': 'Closed',
          Bookmobile: 'Closed',
        },
      ],
    ];
    for (const name of [
      "New Year's Day",
      'Martin Luther King Jr. Day',
      'Memorial Day',
      'Independence Day',
      'Labor Day',
      'Thanksgiving Day',
      'Day after Thanksgiving',
      'Christmas Day',
    ]) {
      holidays.push([
        `are you open on ${name}`,
        Object.fromEntries(demo.branches.map((b) => [b.name, 'Closed'])),
      ]);
    }
    for (const [question, expected] of holidays) {
      it(question, async () => {
        const chat = startConversation({ channelId });
        const text = (await chat.say(question)).map(visibleText).join('\n');
        for (const [name, hours] of Object.entries(expected)) expect(text).to.contain(`${name}: ${hours}`);
        if (channelId === 'sms') expect(text.length).to.be.at.most(SMS_PREFERRED_LENGTH);
      });
    }
  });
}
