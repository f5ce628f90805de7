import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import {
  DirectLineConversations,
  DirectLineFullError,
} from '../../server/directLine/directLineConversations';
import { KeyedRateLimiter } from '../../server/directLine/tokenRateLimit';
import { SignInThrottle } from '../../library/handoff/consoleSessions';

const event = (bytes: number): Activity =>
  ({ type: 'event', name: 'x', value: 'v'.repeat(bytes) }) as Activity;

describe('Built-in Direct Line memory (finding 2 and 3)', () => {
  it('bounds one conversation’s history in bytes, keeping the newest and moving the watermark on', () => {
    const conversations = new DirectLineConversations({ maxBytesPerConversation: 1_000_000 });
    const { conversation } = conversations.open();
    for (let i = 0; i < 16; i++) conversations.append(conversation, event(280_000));
    expect(conversation.bytes).to.be.at.most(1_000_000);
    expect(conversation.activities).to.have.length(3);
    expect(conversation.firstWatermark).to.equal(13);
    const { activities, watermark } = conversations.since(conversation, undefined);
    expect(activities).to.have.length(3);
    expect(watermark).to.equal('15');
  });

  it('bounds the history of all conversations together, trimming the least recently used first', () => {
    const conversations = new DirectLineConversations({
      maxBytesPerConversation: 1_000_000,
      maxTotalBytes: 3_000_000,
    });
    const opened = Array.from({ length: 60 }, () => conversations.open().conversation);
    for (let round = 0; round < 16; round++) {
      // The size is given, as the routes give the request body's length.
      for (const conversation of opened) conversations.append(conversation, event(10), 280_000);
    }
    expect(conversations.historyBytes).to.be.at.most(3_000_000);
    const kept = opened.reduce((sum, conversation) => sum + conversation.bytes, 0);
    expect(kept).to.equal(conversations.historyBytes);
    // The most recently written conversations keep their newest event; the least recent lost theirs.
    expect(opened[opened.length - 1].activities).to.have.length(1);
    expect(opened[0].activities).to.have.length(0);
    expect(opened[0].firstWatermark).to.equal(16);
  });

  it('refuses a new conversation rather than evict a live one, and reclaims idle or never-started ones', () => {
    let now = 0;
    const conversations = new DirectLineConversations(
      { maxConversations: 3, liveMs: 10 * 60_000, unstartedMs: 120_000 },
      () => now,
    );
    const patron = conversations.open();
    patron.conversation.started = true;
    const staff = conversations.open();
    staff.conversation.started = true;
    const visitor = conversations.open();
    expect(() => conversations.open()).to.throw(DirectLineFullError);
    expect(conversations.byToken(patron.token)).to.equal(patron.conversation);

    now += 121_000;
    const later = conversations.open();
    later.conversation.started = true;
    expect(conversations.byToken(visitor.token), 'never started, reclaimed').to.equal(undefined);
    expect(conversations.byToken(patron.token)).to.equal(patron.conversation);
    expect(conversations.byToken(staff.token)).to.equal(staff.conversation);
    expect(() => conversations.open()).to.throw(DirectLineFullError);

    now += 10 * 60_000 + 1;
    conversations.byToken(staff.token);
    conversations.byToken(later.token);
    conversations.open();
    expect(conversations.get(patron.conversation.id), 'idle past the live window').to.equal(undefined);
    expect(conversations.get(staff.conversation.id)).to.equal(staff.conversation);
  });
});

describe('Rate limiter and sign-in throttle', () => {
  it('lets a burst through, then refills at the set rate', () => {
    let now = 0;
    const limiter = new KeyedRateLimiter({ burst: 3, perSecond: 1 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).to.deep.equal([0, 0, 0, 1]);
    expect(limiter.take('b')).to.equal(0);
    now += 1000;
    expect(limiter.take('a')).to.equal(0);
    expect(limiter.take('a')).to.equal(1);
  });

  it('locks a client after five failures in a minute, doubling each further lock', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 4; i++) throttle.failed('a');
    expect(throttle.lockedFor('a')).to.equal(0);
    throttle.failed('a');
    expect(throttle.lockedFor('a')).to.equal(60_000);
    expect(throttle.lockedFor('b')).to.equal(0);
    now += 60_000;
    for (let i = 0; i < 5; i++) throttle.failed('a');
    expect(throttle.lockedFor('a')).to.equal(120_000);
    throttle.succeeded('a');
    expect(throttle.lockedFor('a')).to.equal(0);
  });
});
