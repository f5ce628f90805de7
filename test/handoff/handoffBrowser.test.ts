// Two browser windows, as a library would demo it: `/` as a patron and `/staff` as staff.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, type TestBot } from '../support/testBot';

describe('handoff: patron page and staff console in headless Chromium', function () {
  this.timeout(90000);
  let bot: TestBot;
  let browser: Browser;
  before(async () => {
    // Monday 10:00 in Riverbend: staffed chat hours.
    bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z') });
    // Both windows stay live: no timer throttling for the one in the background.
    browser = await launchChromium([
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ]);
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function say(page: Page, text: string): Promise<void> {
    const sendBox = page.locator('#webchat').getByRole('textbox').first();
    await sendBox.fill(text);
    await sendBox.press('Enter');
  }

  const shows = (page: Page, text: string | RegExp) =>
    page.getByText(text, { exact: false }).first().waitFor({ timeout: 20000 });

  it('shows the whole handoff on both pages: queue, card, claim, relay both ways', async () => {
    const problems: string[] = [];
    const staff = await browser.newPage();
    staff.on('pageerror', (error) => problems.push(error.message));
    await staff.goto(`${bot.url}/staff`);
    await staff.getByLabel('Your first name').fill('Sam');
    await staff.getByLabel('Staff passcode').fill('riverbend-staff');
    await staff.getByRole('button', { name: 'Open the console' }).click();
    await shows(staff, 'Signed in as Sam.');

    const patron = await browser.newPage();
    patron.on('pageerror', (error) => problems.push(error.message));
    await patron.goto(`${bot.url}/`);
    await shows(patron, 'help bot');
    await say(patron, 'I want to talk to a person');
    // Web Chat's markdown may turn the apostrophe typographic, so match around it.
    await shows(patron, /number 1 in line/);

    await shows(staff, 'A patron is waiting for a person');
    await staff.getByRole('button', { name: 'Claim' }).first().click();
    await shows(patron, 'Sam from the library has joined');

    await say(patron, 'Hello, is the Eastside branch open on Sunday?');
    await shows(staff, 'Patron: Hello, is the Eastside branch open on Sunday?');
    await say(staff, 'Eastside is closed on Sundays; Main is open 1 to 5.');
    await shows(patron, 'Sam: Eastside is closed on Sundays; Main is open 1 to 5.');
    expect(problems).to.deep.equal([]);
  });
});
