// One table for every kind of question the bot asks: what each typed reply means.
import { expect } from 'chai';
import {
  chosenOption,
  isShortReply,
  understandReply,
  yesOrNo,
  type ReplyOption,
  type ReplyQuestion,
} from '../../recognizers/replies';

const confirm = (yes?: string, no?: string): ReplyQuestion => ({ kind: 'yes-no', yes, no });
const choice = (labels: (string | ReplyOption)[], alsoYesNo = false): ReplyQuestion => ({
  kind: 'choice',
  options: labels.map((l) => (typeof l === 'string' ? { label: l } : l)),
  alsoYesNo,
});

// The questions, as the dialogs ask them.
const rememberOffer = confirm('Yes, remember', 'No thanks');
const offerPerson = confirm('Yes, a person', 'No, keep trying');
const cancelConfirm = confirm('Yes, cancel it', 'No, keep it');
const leaveMessage = confirm('Leave a message', 'No thanks');
const branches = choice(['Main Library', 'Eastside Branch', 'Oak Hill Branch', 'Riverside Branch']);
const formats = choice([
  { label: 'Book (on the shelf now)', value: 'Book' },
  { label: 'Audiobook (CD)', value: 'Audiobook' },
  { label: 'eBook (borrow it in the e-reading app)', value: 'eBook' },
]);
const pickup = choice([
  { label: 'Yes, place it', value: 'yes' },
  { label: 'Pick up somewhere else', value: 'somewhere else' },
  { label: 'No', value: 'no' },
]);
const pickupBranches = choice(['Main Library (your home branch)', 'Eastside Branch', 'Oak Hill Branch']);
const oneMatch = choice(['The Midnight Library by Matt Haig (2020; book, audiobook)', 'None of these'], true);
const works = choice([
  'Project Hail Mary by Andy Weir (2021; book)',
  'The Martian by Andy Weir (2014; book, ebook)',
  'Artemis by Andy Weir (2017; book)',
  'None of these',
]);
const cancelWhich = choice([
  'The Midnight Library (Book)',
  'Lessons in Chemistry (Book)',
  'Project Hail Mary (Audiobook)',
  'None',
]);
const contact = choice([
  { label: 'Reply in this chat', value: 'this chat' },
  { label: 'Text message', value: 'text message' },
  { label: 'Phone call', value: 'phone call' },
  { label: 'Email', value: 'email' },
]);
const kinds = choice(['Kids and families', 'Teens', 'Adults', 'Seniors', 'Anything']);
const withSynonyms = choice([
  { label: 'Kids and families', synonyms: ['children', 'family'] },
  { label: 'Teens', synonyms: ['teenagers'] },
]);

type Expected = 'yes' | 'no' | number | undefined;

/** [question name, question, typed reply, expected: yes/no, 1-based option, or nothing] */
const rows: [string, ReplyQuestion, string, Expected][] = [
  // Yes and no words, alone or with polite words.
  ['remember', rememberOffer, 'yes', 'yes'],
  ['remember', rememberOffer, 'Yes!', 'yes'],
  ['remember', rememberOffer, 'y', 'yes'],
  ['remember', rememberOffer, 'ok', 'yes'],
  ['remember', rememberOffer, 'OK.', 'yes'],
  ['remember', rememberOffer, 'okay', 'yes'],
  ['remember', rememberOffer, 'sure', 'yes'],
  ['remember', rememberOffer, 'yeah', 'yes'],
  ['remember', rememberOffer, 'yep', 'yes'],
  ['remember', rememberOffer, 'yes please', 'yes'],
  ['remember', rememberOffer, 'Yes, please!', 'yes'],
  ['remember', rememberOffer, 'ok sure', 'yes'],
  ['remember', rememberOffer, 'sure thing', 'yes'],
  ['remember', rememberOffer, 'of course', 'yes'],
  ['remember', rememberOffer, 'please do', 'yes'],
  ['remember', rememberOffer, 'no', 'no'],
  ['remember', rememberOffer, 'No.', 'no'],
  ['remember', rememberOffer, 'nope', 'no'],
  ['remember', rememberOffer, 'nah', 'no'],
  ['remember', rememberOffer, 'n', 'no'],
  ['remember', rememberOffer, 'no thanks', 'no'],
  ['remember', rememberOffer, 'no thank you', 'no'],
  ['remember', rememberOffer, 'not now', 'no'],
  ['remember', rememberOffer, "don't", 'no'],
  ['remember', rememberOffer, 'no, not now', 'no'],
  // Typed labels and SMS numbers.
  ['remember', rememberOffer, 'Yes, remember', 'yes'],
  ['remember', rememberOffer, 'yes remember', 'yes'],
  ['remember', rememberOffer, 'No thanks', 'no'],
  ['remember', rememberOffer, '1', 'yes'],
  ['remember', rememberOffer, '2', 'no'],
  ['remember', rememberOffer, '#1', 'yes'],
  ['remember', rememberOffer, 'the first one', 'yes'],
  // Not answers.
  ['remember', rememberOffer, 'no idea', undefined],
  ['remember', rememberOffer, 'not sure', undefined],
  ['remember', rememberOffer, '3', undefined],
  ['remember', rememberOffer, '0', undefined],
  ['remember', rememberOffer, 'what time do you close?', undefined],
  ['remember', rememberOffer, 'sure, what time do you close today?', undefined],
  ['remember', rememberOffer, 'thanks', undefined],
  ['remember', rememberOffer, '', undefined],
  ['remember', rememberOffer, 'remember', 'yes'],
  ['offer person', offerPerson, 'Yes, a person', 'yes'],
  ['offer person', offerPerson, 'No, keep trying', 'no'],
  ['offer person', offerPerson, 'keep trying', 'no'],
  ['offer person', offerPerson, '1', 'yes'],
  ['offer person', offerPerson, '2', 'no'],
  ['cancel', cancelConfirm, 'Yes, cancel it', 'yes'],
  ['cancel', cancelConfirm, 'No, keep it', 'no'],
  ['cancel', cancelConfirm, 'keep it', 'no'],
  ['cancel', cancelConfirm, '2', 'no'],
  ['leave a message', leaveMessage, 'Leave a message', 'yes'],
  ['leave a message', leaveMessage, 'leave a mesage', 'yes'],
  ['leave a message', leaveMessage, 'No thanks', 'no'],
  ['leave a message', leaveMessage, '1', 'yes'],
  ['leave a message', leaveMessage, 'sure', 'yes'],
  // Which branch: number, ordinal, name, typo.
  ['branch', branches, '2', 2],
  ['branch', branches, '#3', 3],
  ['branch', branches, '3.', 3],
  ['branch', branches, 'number 2', 2],
  ['branch', branches, 'option 4', 4],
  ['branch', branches, 'two', 2],
  ['branch', branches, 'the first one', 1],
  ['branch', branches, 'the second one', 2],
  ['branch', branches, '2nd', 2],
  ['branch', branches, 'the 3rd one please', 3],
  ['branch', branches, 'third', 3],
  ['branch', branches, 'last one', 4],
  ['branch', branches, 'the last', 4],
  ['branch', branches, 'Main Library', 1],
  ['branch', branches, 'main', 1],
  ['branch', branches, 'eastside', 2],
  ['branch', branches, 'Eastside Branch', 2],
  ['branch', branches, 'eastsde', 2],
  ['branch', branches, 'Oak Hil Branch', 3],
  ['branch', branches, 'oak hill', 3],
  ['branch', branches, 'the riverside one', 4],
  ['branch', branches, '7', undefined],
  ['branch', branches, 'fifth', undefined],
  ['branch', branches, 'the 9th one', undefined],
  ['branch', branches, 'branch', undefined],
  ['branch', branches, 'what time is it', undefined],
  ['branch', branches, 'yes', undefined],
  ['branch', branches, 'second to last', undefined],
  // Which format: values, labels, and "book" never meaning the audiobook or the eBook.
  ['format', formats, 'Book', 1],
  ['format', formats, 'book', 1],
  ['format', formats, 'the book', 1],
  ['format', formats, 'Audiobook', 2],
  ['format', formats, 'audio book', 2],
  ['format', formats, 'I would like the audiobook', 2],
  ['format', formats, 'ebook', 3],
  ['format', formats, 'Audiobook (CD)', 2],
  ['format', formats, '3', 3],
  ['format', formats, 'the last one', 3],
  ['format', formats, '4', undefined],
  // Pickup: yes/no words map to the options valued yes and no.
  ['pickup', pickup, 'yes', 1],
  ['pickup', pickup, 'Yes, place it', 1],
  ['pickup', pickup, 'sure', 1],
  ['pickup', pickup, '1', 1],
  ['pickup', pickup, 'Pick up somewhere else', 2],
  ['pickup', pickup, 'somewhere else', 2],
  ['pickup', pickup, '2', 2],
  ['pickup', pickup, 'no', 3],
  ['pickup', pickup, 'nope', 3],
  ['pickup', pickup, '3', 3],
  ['pickup', pickup, 'no idea', undefined],
  ['pickup branch', pickupBranches, 'home branch', 1],
  ['pickup branch', pickupBranches, 'Main Library (your home branch)', 1],
  ['pickup branch', pickupBranches, 'oak hill', 3],
  ['pickup branch', pickupBranches, 'last one', 3],
  // "I found this. Is it the one?"
  ['one match', oneMatch, 'yes', 'yes'],
  ['one match', oneMatch, 'yeah', 'yes'],
  ['one match', oneMatch, 'no', 'no'],
  ['one match', oneMatch, '1', 1],
  ['one match', oneMatch, '2', 2],
  ['one match', oneMatch, 'none of these', 2],
  ['one match', oneMatch, 'none', 2],
  ['one match', oneMatch, 'midnight library', 1],
  ['works', works, 'the martian', 2],
  ['works', works, 'artemis', 3],
  ['works', works, 'Project Hail Mary', 1],
  ['works', works, 'project hail mary please', 1],
  ['works', works, 'andy weir', undefined],
  ['works', works, 'yes', undefined],
  // Cancel which hold.
  ['cancel which', cancelWhich, '2', 2],
  ['cancel which', cancelWhich, 'lessons in chemistry', 2],
  ['cancel which', cancelWhich, 'the midnight library', 1],
  ['cancel which', cancelWhich, 'none', 4],
  ['cancel which', cancelWhich, 'the third one', 3],
  ['cancel which', cancelWhich, '5', undefined],
  // How should staff get back to you?
  ['contact', contact, 'this chat', 1],
  ['contact', contact, 'Reply in this chat', 1],
  ['contact', contact, 'text message', 2],
  ['contact', contact, 'email', 4],
  ['contact', contact, 'e-mail', 4],
  ['contact', contact, 'phone', 3],
  ['contact', contact, '3', 3],
  // Kinds of program, and synonyms.
  ['kinds', kinds, 'teens', 2],
  ['kinds', kinds, 'kids', 1],
  ['kinds', kinds, 'adults', 3],
  ['kinds', kinds, 'anything', 5],
  ['kinds', kinds, 'seniors please', 4],
  ['synonyms', withSynonyms, 'children', 1],
  ['synonyms', withSynonyms, 'teenagers', 2],
];

function meaning(question: ReplyQuestion, text: string, culture?: string): Expected {
  const read = understandReply(text, question, culture);
  if (!read) return undefined;
  return read.kind === 'option' ? read.index + 1 : read.kind;
}

describe('reply understanding: one table for every question the bot asks', () => {
  for (const [name, question, text, expected] of rows) {
    it(`${name}: ${JSON.stringify(text)} -> ${String(expected ?? 'nothing')}`, () => {
      expect(meaning(question, text)).to.equal(expected);
    });
  }

  it('Spanish (the culture parameter): sí, no, el segundo, la última', () => {
    const es = 'es-MX';
    expect(meaning(confirm('Sí', 'No'), 'sí', es)).to.equal('yes');
    expect(meaning(confirm('Sí', 'No'), 'si claro', es)).to.equal('yes');
    expect(meaning(confirm('Sí', 'No'), 'no gracias', es)).to.equal('no');
    expect(meaning(branches, 'el segundo', es)).to.equal(2);
    expect(meaning(branches, 'la última', es)).to.equal(4);
    expect(meaning(branches, 'dos', es)).to.equal(2);
    expect(meaning(branches, 'número 3', es)).to.equal(3);
  });

  it('the conveniences: chosenOption, yesOrNo and isShortReply', () => {
    const options = [{ label: 'Main Library' }, { label: 'Eastside Branch', value: 'eastside' }];
    expect(chosenOption('2', options)).to.equal(options[1]);
    expect(chosenOption('maybe', options)).to.equal(undefined);
    expect(yesOrNo('Yes, remember', { yes: 'Yes, remember' })).to.equal('yes');
    expect(yesOrNo('no idea')).to.equal(undefined);
    for (const short of ['2', 'yes', 'nope', 'the second one', 'last one', 'no thanks', 'ok'])
      expect(isShortReply(short), short).to.equal(true);
    for (const request of ['what time do you close', 'no idea', 'talk to a person', 'thanks', '2468', ''])
      expect(isShortReply(request), request).to.equal(false);
  });
});
