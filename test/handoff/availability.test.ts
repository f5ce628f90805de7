import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { StaffAvailability, StaffedChatHours, StaffPresence } from '../../library/handoff';
import { demoConfig, sam } from './support';

describe('handoff: is a person really there', () => {
  const config = demoConfig();
  const hours = new StaffedChatHours(config.staff.chatHours, config.library.timeZone);

  it('uses staffed chat hours in the library’s time zone, not the server’s', () => {
    // Monday 30 Nov 2026: staffed 09:00-20:00 in America/Chicago (UTC-6).
    expect(hours.isStaffed(new Date('2026-11-30T15:00:00Z'))).to.equal(true); // 09:00
    expect(hours.isStaffed(new Date('2026-11-30T14:59:00Z'))).to.equal(false); // 08:59
    expect(hours.isStaffed(new Date('2026-12-01T01:59:00Z'))).to.equal(true); // 19:59
    expect(hours.isStaffed(new Date('2026-12-01T02:00:00Z'))).to.equal(false); // 20:00
  });

  it('says when staff are next available', () => {
    const lateMonday = new Date('2026-12-01T03:00:00Z'); // Monday 21:00
    const next = hours.nextStaffedTime(lateMonday);
    expect(next?.toISOString()).to.equal('2026-12-01T15:00:00.000Z');
    expect(hours.describe(next as Date, lateMonday)).to.equal('tomorrow at 9:00 AM');
    const fridayEvening = new Date('2026-12-05T00:00:00Z'); // Friday 18:00, staffed until 17:00
    const saturday = hours.nextStaffedTime(fridayEvening) as Date;
    expect(hours.describe(saturday, fridayEvening)).to.equal('tomorrow at 10:00 AM');
    const early = new Date('2026-11-30T12:00:00Z'); // Monday 06:00
    expect(hours.describe(hours.nextStaffedTime(early) as Date, early)).to.equal('today at 9:00 AM');
  });

  it('runs a period that closes after midnight into the next day', () => {
    const lateNight = new StaffedChatHours(
      { friday: [{ opens: '22:00', closes: '02:00' }] },
      'America/Chicago',
    );
    expect(lateNight.isStaffed(new Date('2026-12-05T07:30:00Z'))).to.equal(true); // Sat 01:30
    expect(lateNight.isStaffed(new Date('2026-12-05T08:30:00Z'))).to.equal(false); // Sat 02:30
  });

  it('is unavailable in staffed hours when no staff member is present, and available when one is', async () => {
    const presence = new StaffPresence(new MemoryStorage());
    const availability = new StaffAvailability(hours, presence);
    const now = new Date('2026-11-30T16:00:00Z');
    // Monday 10:00: chat is staffed until 20:00 today, and next from 09:00 tomorrow.
    expect(await availability.check(now)).to.deep.equal({
      available: false,
      reason: 'nobody-present',
      staffedUntil: new Date('2026-12-01T02:00:00Z'),
      nextPeriod: new Date('2026-12-01T15:00:00Z'),
    });
    await presence.markPresent(sam, now);
    expect(await availability.check(now)).to.deep.equal({ available: true, staffPresent: 1 });
    // The console reports in while open; three minutes of silence means the window is gone.
    expect(await availability.check(new Date(now.getTime() + 181_000))).to.deep.include({
      available: false,
      reason: 'nobody-present',
    });
  });

  it('is unavailable outside staffed hours even with staff present, and says when', async () => {
    const presence = new StaffPresence(new MemoryStorage());
    const availability = new StaffAvailability(hours, presence);
    const sunday = new Date('2026-11-29T21:00:00Z'); // Sunday 15:00: staffed 13:00-17:00
    const sundayNight = new Date('2026-11-30T00:00:00Z'); // Sunday 18:00
    await presence.markPresent(sam, sunday);
    expect((await availability.check(sunday)).available).to.equal(true);
    await presence.markPresent(sam, sundayNight);
    expect(await availability.check(sundayNight)).to.deep.equal({
      available: false,
      reason: 'outside-chat-hours',
      nextStaffed: new Date('2026-11-30T15:00:00Z'),
    });
  });

  it('forgets a staff member who signs off', async () => {
    const presence = new StaffPresence(new MemoryStorage());
    const now = new Date('2026-11-30T16:00:00Z');
    await presence.markPresent(sam, now);
    await presence.markAbsent(sam.id);
    expect(await presence.presentStaff(now)).to.deep.equal([]);
  });
});
