// The staff workspace (/staff) and patron pages (/) in headless Chromium, as a library would use them:
// the queue with wait times and a new-patron notice, two chats claimed at once in tabs with each
// patron's summary beside them, a canned answer, relay both ways (timed), transfer and end as
// buttons, and presence the bot's promise of a person follows. axe after the main steps. One browser
// for the file; set SCREENSHOT_DIR to keep screenshots of each step.
import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, type TestBot } from '../support/testBot';
import { axeViolations } from '../web/pageDriver';
import {
  LIVE_WINDOWS,
  openPatronPage,
  openReplyBox,
  openStaffWorkspace,
  patronSays,
  summarise,
  timeRelay,
} from './workspaceBrowser';

const MONDAY_MORNING = new Date('2026-11-30T16:00:00Z'); // 10:00 in Riverbend: staffed chat hours

describe('handoff: the staff workspace and patron pages in headless Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let bot: TestBot | undefined;
  const screenshots = process.env.SCREENSHOT_DIR;
  const problems: string[] = [];
  const axeFound: string[] = [];

  before(async () => {
    if (screenshots) mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium(LIVE_WINDOWS);
  });
  after(async () => browser?.close());
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  async function check(page: Page, where: string): Promise<void> {
    for (const v of await axeViolations(page)) {
      axeFound.push(`${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target).join(', ')}`);
    }
    if (screenshots)
      await page.screenshot({ path: join(screenshots, `workspace-${where}.png`), fullPage: true });
  }

  async function newWindow(kind: 'staff' | 'patron', url: string, name = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page =
      kind === 'staff' ? await openStaffWorkspace(context, url, name) : await openPatronPage(context, url);
    page.on('pageerror', (error) => problems.push(`${kind} ${name}: ${error.message}`));
    return page;
  }

  const shows = (page: Page, text: string | RegExp) =>
    page.getByText(text, { exact: false }).first().waitFor({ timeout: 20000 });

  it('queues, notifies, holds two chats in tabs, relays both ways, inserts a canned answer, transfers and ends', async () => {
    bot = await startTestBot({ now: () => MONDAY_MORNING });
    const sam = await newWindow('staff', bot.url, 'Sam');
    await sam.getByRole('button', { name: 'Turn on new-patron alerts' }).click();
    expect(await sam.locator('#alerts-button').getAttribute('aria-pressed')).to.equal('true');
    await check(sam, 'signed-in');
    const alex = await newWindow('staff', bot.url, 'Alex');

    const first = await newWindow('patron', bot.url);
    await patronSays(first, 'I want to talk to a person');
    await shows(first, /number 1 in line/);
    // The workspace shows the waiting patron with the wait, and says so (status line, title, highlight).
    await sam.locator('#queue-list li', { hasText: 'Number 1 in line, waiting under a minute' }).waitFor();
    expect(await sam.locator('#chat-status').textContent()).to.match(/^New patron waiting: Patron /);
    expect(await sam.title()).to.match(/^\(1 waiting\) Staff workspace/);
    expect(await sam.locator('#queue-heading').getAttribute('class')).to.contain('is-alerting');

    const second = await newWindow('patron', bot.url);
    await patronSays(second, 'can I speak to a librarian please');
    await sam.locator('#queue-list li', { hasText: 'Number 2 in line' }).waitFor();
    await check(sam, 'two-waiting');

    await sam
      .getByRole('button', { name: /^Claim Patron/ })
      .first()
      .click();
    await shows(first, 'Sam from the library has joined');
    await sam
      .getByRole('button', { name: /^Claim Patron/ })
      .first()
      .click();
    await shows(second, 'Sam from the library has joined');
    const tabs = sam.getByRole('tab');
    await tabs.nth(1).waitFor();
    expect(await tabs.count()).to.equal(2);
    // The patron's redacted summary is beside each chat.
    const summary = sam.locator('.chat-panel:not([hidden]) .patron-summary');
    expect(await summary.locator('dt').allTextContents()).to.include('Why');
    await check(sam, 'two-chats');

    // Relay, timed from the key press to the text in the other window.
    await tabs.first().click();
    const toStaff: number[] = [];
    const toPatron: number[] = [];
    const patronBox = first.locator('#webchat').getByRole('textbox').first();
    for (let i = 1; i <= 5; i++) {
      toStaff.push(await timeRelay(patronBox, `question p2s-${i}`, sam, `p2s-${i}`));
      toPatron.push(await timeRelay(openReplyBox(sam), `answer s2p-${i}`, first, `s2p-${i}`));
    }
    await shows(sam, 'Patron: question p2s-5');
    await shows(first, 'Sam: answer s2p-5');
    console.log(
      `      relay patron -> staff ${JSON.stringify(summarise(toStaff))} ms; ` +
        `staff -> patron ${JSON.stringify(summarise(toPatron))} ms`,
    );
    // Not a timing assertion: far above the goal of 1 s, it catches messages held back as Web Chat
    // holds an activity whose replyToId it has not seen (5 s).
    expect(Math.max(...toStaff, ...toPatron)).to.be.below(4000);

    // A canned answer goes into the reply box, to be edited or sent.
    await sam
      .locator('.chat-panel:not([hidden])')
      .getByLabel('Canned answer')
      .selectOption({ label: 'Hold pickup time' });
    await sam.locator('.chat-panel:not([hidden])').getByRole('button', { name: 'Insert' }).click();
    expect(await openReplyBox(sam).inputValue()).to.match(/^Holds wait for you/);
    await openReplyBox(sam).press('Enter');
    await shows(first, 'Sam: Holds wait for you on the hold shelf for 7 days');

    // Transfer the second chat to Alex; Alex answers in a tab of their own.
    await tabs.nth(1).click();
    const panel = sam.locator('.chat-panel:not([hidden])');
    await panel.getByLabel('Transfer to').selectOption({ label: 'Alex' });
    await panel.getByRole('button', { name: 'Transfer' }).click();
    await shows(second, 'Sam has passed your chat to Alex');
    await alex.getByRole('tab').first().waitFor();
    await openReplyBox(alex).fill('Hi, Alex here. How can I help?');
    await openReplyBox(alex).press('Enter');
    await shows(second, 'Alex: Hi, Alex here. How can I help?');

    // End the first chat from its tab.
    await tabs.first().click();
    await sam.locator('.chat-panel:not([hidden])').getByRole('button', { name: 'End chat' }).click();
    await shows(first, 'Sam has left the chat');
    // Both tabs are closed for Sam now: one ended, one with Alex.
    await sam
      .getByRole('tab', { name: /\(ended\)/ })
      .nth(1)
      .waitFor();
    await check(sam, 'ended');
    await check(alex, 'transferred');
    expect(problems).to.deep.equal([]);
    expect(axeFound).to.deep.equal([]);
  });

  it('counts only available staff: with everyone away, the patron hears the phone number and when staff are next in', async () => {
    bot = await startTestBot({ now: () => MONDAY_MORNING });
    const sam = await newWindow('staff', bot.url, 'Sam');
    await sam.getByLabel('Away').check();
    await shows(sam, "You're away: new patrons are not sent to you.");
    await sam.locator('#signed-in-as', { hasText: '(away: no new patrons)' }).waitFor();
    await check(sam, 'away');

    const patron = await newWindow('patron', bot.url);
    await patronSays(patron, 'I want to talk to a person');
    await shows(patron, 'You can call us at (555) 010-2000');
    await shows(patron, 'staff are next available tomorrow at 9:00 AM');
    await shows(patron, 'Would you like to leave a message?');
    expect(await sam.locator('#queue-list li').count()).to.equal(0);

    // Available again: the next patron is queued for a person.
    await sam.getByLabel('Available').check();
    await shows(sam, "You're available for new patrons.");
    const next = await newWindow('patron', bot.url);
    await patronSays(next, 'I want to talk to a person');
    await shows(next, /number 1 in line/);
    expect(problems).to.deep.equal([]);
    expect(axeFound).to.deep.equal([]);
  });
});
