import { expect } from 'chai';
import {
  AlreadyOnHoldError,
  HoldLimitReachedError,
  HoldNotChangeableError,
  HoldNotFoundError,
  LibrarySystemUnavailableError,
  NotHoldableError,
  PatronBlockedError,
  PatronNotVerifiedError,
  PickupNotAllowedError,
} from '../../library/librarySystem/errors';
import type { CatalogRecord, Hold } from '../../library/librarySystem/librarySystem';
import {
  describeStatus,
  groupWorks,
  holdsListReplies,
  isPersonRequest,
  isSignOutRequest,
  isStopRequest,
  ordinal,
  refusalText,
  workLabel,
  type HoldsWording,
} from '../../dialogs/holds/holdsReplies';
import { messagesFor } from '../../library/language/catalog';

const en = messagesFor('en');

const wording: HoldsWording = {
  library: {
    name: 'Riverbend Public Library',
    phone: '(555) 010-2000',
    website: 'https://riverbend.example.org',
  },
  branchName: (id) => ({ main: 'Main Library', eastside: 'Eastside Branch' })[id] ?? id,
};

function hold(title: string, status: Hold['status'], pickupBranchId = 'main'): Hold {
  return {
    holdId: `H-${title}`,
    recordId: 'R1',
    title,
    author: 'A. Author',
    format: 'book',
    pickupBranchId,
    placedOn: '2026-03-01',
    status,
  };
}

describe('holds wording', () => {
  it('describes each hold status with branch, date and place in line', () => {
    expect(
      describeStatus(en, hold('A', { state: 'ready', pickUpBy: '2026-03-15' }, 'eastside'), wording),
    ).to.equal('Ready for pickup at Eastside Branch: pick it up by Sunday, March 15');
    const closedSundays = { ...wording, lastOpenDay: () => '2026-03-14' };
    expect(
      describeStatus(en, hold('A', { state: 'ready', pickUpBy: '2026-03-15' }, 'eastside'), closedSundays),
    ).to.equal('Ready for pickup at Eastside Branch: pick it up by Saturday, March 14');
    expect(describeStatus(en, hold('B', { state: 'in-transit' }), wording)).to.equal(
      'On its way to Main Library',
    );
    expect(
      describeStatus(en, hold('C', { state: 'waiting', queuePosition: 3, queueLength: 3 }), wording),
    ).to.equal('Waiting: 3rd in line of 3, for pickup at Main Library');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map((n) => ordinal(en, n))).to.deep.equal([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });

  it('answers "is my book ready?" with the ready holds first', () => {
    const holds = [
      hold('Waiting One', { state: 'waiting', queuePosition: 2, queueLength: 5 }),
      hold('Ready One', { state: 'ready', pickUpBy: '2026-03-15' }, 'eastside'),
    ];
    const [lead, list] = holdsListReplies(en, holds, wording, true);
    expect(lead).to.deep.equal({ kind: 'text', text: 'Yes: Ready One is ready at Eastside Branch.' });
    expect(list.kind === 'list' && list.items.map((i) => i.title)).to.deep.equal([
      'Ready One',
      'Waiting One',
    ]);
    const none = holdsListReplies(en, [holds[0]], wording, true)[0];
    expect(none.kind === 'text' && none.text).to.match(/^None of your holds is ready/);
    expect(holdsListReplies(en, [], wording)[0]).to.include({ kind: 'text' });
  });

  it('groups catalog records into works with their formats', () => {
    const record = (workKey: string, format: CatalogRecord['format']): CatalogRecord => ({
      recordId: `${workKey}-${format}`,
      workKey,
      title: `Title ${workKey}`,
      author: 'Someone',
      year: 2020,
      format,
      subjects: [],
      holdable: format !== 'ebook',
      copies: 1,
      availableCopies: 0,
    });
    const works = groupWorks([
      record('W1', 'book'),
      record('W2', 'book'),
      record('W1', 'audiobook'),
      record('W1', 'ebook'),
    ]);
    expect(works.map((w) => w.workKey)).to.deep.equal(['W1', 'W2']);
    expect(workLabel(en, works[0])).to.equal('Title W1 by Someone (2020; book, audiobook, ebook)');
  });

  it('has a specific, internal-free message for every refusal', () => {
    const errors = [
      new AlreadyOnHoldError(),
      new HoldLimitReachedError(2),
      new PatronBlockedError(['$42.50 in unpaid fines']),
      new NotHoldableError('digital'),
      new NotHoldableError('library-use-only'),
      new NotHoldableError('unknown-record'),
      new PickupNotAllowedError('bookmobile'),
      new HoldNotFoundError(),
      new HoldNotChangeableError(),
      new PatronNotVerifiedError(),
      new LibrarySystemUnavailableError('timeout'),
    ];
    const texts = errors.map((e) => refusalText(en, e, wording, 'Dune'));
    expect(new Set(texts).size).to.equal(texts.length);
    expect(texts[1]).to.include('(2)');
    expect(texts[2]).to.include('$42.50 in unpaid fines').and.include('(555) 010-2000');
    expect(texts[3]).to.include('e-reading app');
    for (const text of texts) expect(text).to.not.match(/error|exception|undefined|bookmobile|\bR\d+/i);
  });

  it('recognises stop, sign-out and person requests', () => {
    expect(
      ['talk to a person', 'Can I speak with a librarian?', 'chat with someone', 'real person'].every(
        isPersonRequest,
      ),
    ).to.equal(true);
    expect(isPersonRequest('a person of interest by Jane Doe')).to.equal(false);
    expect(['cancel', 'Never mind', 'stop.', 'nevermind'].every(isStopRequest)).to.equal(true);
    expect(isStopRequest('cancel my hold')).to.equal(false);
    expect(['sign out', 'Log me out', 'please sign out', 'logout'].every(isSignOutRequest)).to.equal(true);
    expect(isSignOutRequest('sign out a book')).to.equal(false);
  });
});
