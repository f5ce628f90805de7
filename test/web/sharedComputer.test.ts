// The patron page on a shared library computer, in headless Chromium: the PIN is masked and never
// reaches the DOM or a live region; sign-out, "Clear this chat" and the idle minutes clear the screen.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, type TestBot } from '../support/testBot';
import {
  bubbleCount,
  focusedElement,
  liveRegionText,
  pressUntilFocused,
  typeAndWait,
  waitForReply,
} from './pageDriver';

const CARD = '21000000000001';
const PIN = '2468';
const HOLD_DETAILS = /Midnight Library|Lessons in Chemistry|Project Hail Mary|Jordan|Eastside Branch until/;

describe('patron page on a shared computer (headless Chromium)', function () {
  this.timeout(90000);
  let bot: TestBot;
  let browser: Browser;
  before(async () => {
    bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z') });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function openChat(clock = false): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    if (clock) await page.clock.install();
    await page.goto(`${bot.url}/`);
    await waitForReply(page, 0, /help bot/);
    return page;
  }

  async function signIn(page: Page): Promise<void> {
    await typeAndWait(page, page, 'show my holds', /library card number/);
    await typeAndWait(page, page, CARD, /PIN/);
    await typeAndWait(page, page, PIN, /Your 3 holds/);
  }

  /** Everything the page ever shows from now on: added nodes, text, attributes, live regions. */
  async function recordEverythingShown(page: Page): Promise<void> {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const liveRegions = () =>
        Array.from(document.querySelectorAll('[aria-live], [role="log"], [role="status"], [role="alert"]'))
          .map((element) => element.textContent ?? '')
          .join('\n');
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
          if (record.type === 'attributes' && record.attributeName)
            seen.push((record.target as Element).getAttribute(record.attributeName) ?? '');
          record.addedNodes.forEach((node) =>
            seen.push(node instanceof Element ? node.outerHTML : (node.textContent ?? '')),
          );
        }
        seen.push(liveRegions());
      }).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
  }

  it('masks the PIN: a password field, never in the DOM or a live region, "PIN sent" instead', async () => {
    const page = await openChat();
    await typeAndWait(page, page, 'show my holds', /library card number/);
    // The card number is masked too, and keyboard focus moved to the masked field.
    expect(await focusedElement(page)).to.match(/^input \| password \| sensitive-input/);
    expect(await page.locator('#sensitive-label').textContent()).to.equal('Your library card number');
    await typeAndWait(page, page, CARD, /PIN/);
    expect(await page.locator('#sensitive-label').textContent()).to.equal('Your PIN');
    const field = page.locator('#sensitive-input');
    expect(await field.getAttribute('type')).to.equal('password');
    expect(await field.getAttribute('autocomplete')).to.equal('off');
    expect(await page.locator('#webchat .webchat__send-box').isVisible()).to.equal(false);
    expect(await focusedElement(page)).to.match(/^input \| password \| sensitive-input/);

    await recordEverythingShown(page);
    await page.keyboard.type(PIN);
    // Typed, not sent: only in the masked field's value, nowhere in the document or live regions.
    expect(await field.inputValue()).to.equal(PIN);
    expect(await page.content()).not.to.contain(PIN);
    expect(await liveRegionText(page)).not.to.contain(PIN);

    const before = await bubbleCount(page);
    await page.keyboard.press('Enter');
    // While sending and until the reply: sample the live regions as a screen reader would read them.
    const heard: string[] = [];
    const reply = waitForReply(page, before, /Your 3 holds/);
    let replied = false;
    void reply.then(() => (replied = true));
    while (!replied) {
      heard.push(await liveRegionText(page));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await reply;
    heard.push(await liveRegionText(page));
    const shown = await page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'));

    expect(shown).not.to.contain(PIN);
    expect(heard.join('\n')).not.to.contain(PIN);
    expect(await page.content()).not.to.contain(PIN);
    expect(heard.join('\n')).to.contain('PIN sent');
    const mine = await page.locator('.webchat__stacked-layout--from-user').allInnerTexts();
    expect(mine.map((text) => text.split('\n').find((line) => /sent|holds/.test(line)))).to.include.members([
      'Card number sent',
      'PIN sent',
    ]);
    // Back to the ordinary box, with the keyboard there.
    expect(await page.locator('#sensitive-answer').isHidden()).to.equal(true);
    expect(await focusedElement(page)).to.match(/^input \| text \| Your message to Riverbend/);
    expect(bot.logText()).not.to.contain(PIN);
    await page.close();
  });

  it('returns to the ordinary box when the patron asks something else at the PIN question', async () => {
    const page = await openChat();
    await typeAndWait(page, page, 'show my holds', /library card number/);
    await typeAndWait(page, page, CARD, /PIN/);
    await pressUntilFocused(page, page, 'Tab', /Ask something else instead/, 4);
    await page.keyboard.press('Enter');
    expect(await page.locator('#sensitive-answer').isHidden()).to.equal(true);
    expect(await focusedElement(page)).to.match(/^input \| text \| Your message to Riverbend/);
    await typeAndWait(page, page, 'when does the Eastside branch close today', /Eastside Branch/);
    expect(await page.locator('#sensitive-answer').isHidden()).to.equal(true);
    const mine = await page.locator('.webchat__stacked-layout--from-user').allInnerTexts();
    expect(mine.join('\n')).to.contain('when does the Eastside branch close today');
    await page.close();
  });

  it('clears the screen on "sign out" and says so: no holds or account details remain', async () => {
    const page = await openChat();
    await signIn(page);
    expect(await page.evaluate(() => document.body.innerText)).to.match(HOLD_DETAILS);
    await page.keyboard.type('sign out');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /signed out/.test(document.getElementById('chat-status')?.textContent ?? ''),
    );
    await waitForReply(page, 0, /help bot/);
    expect(await page.locator('#chat-status').textContent()).to.equal(
      "You're signed out, and this chat was cleared from the screen so the next person can't see it.",
    );
    expect(await page.content()).not.to.match(HOLD_DETAILS);
    expect(await page.content()).not.to.contain('show my holds');
    expect(await bubbleCount(page)).to.equal(1);
    expect(await focusedElement(page)).to.match(/^input \| text \| Your message to Riverbend/);
    // The next patron starts afresh: holds need a new sign-in.
    await typeAndWait(page, page, 'show my holds', /library card number/);
    expect(await page.locator('#chat-status').textContent()).to.equal('');
    await page.close();
  });

  it('has an always-available "Clear this chat" button, reached by keyboard', async () => {
    const page = await openChat();
    await signIn(page);
    await pressUntilFocused(page, page, 'Shift+Tab', /Clear this chat/, 8);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /cleared/.test(document.getElementById('chat-status')?.textContent ?? ''),
    );
    await waitForReply(page, 0, /help bot/);
    expect(await page.content()).not.to.match(HOLD_DETAILS);
    expect(await bubbleCount(page)).to.equal(1);
    expect(await page.locator('#chat-status').textContent()).to.equal(
      'This chat was cleared from the screen. You can start again below.',
    );
    await page.close();
  });

  it('clears the chat after the idle minutes the library configured (15), not before', async () => {
    const page = await openChat(true);
    await signIn(page);
    await page.clock.fastForward('10:00');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.body.innerText)).to.match(HOLD_DETAILS);
    await page.clock.fastForward('05:30');
    await page.waitForFunction(() =>
      /without activity/.test(document.getElementById('chat-status')?.textContent ?? ''),
    );
    await waitForReply(page, 0, /help bot/);
    expect(await page.locator('#chat-status').textContent()).to.equal(
      "This chat was cleared after 15 minutes without activity, so the next person can't see it.",
    );
    expect(await page.content()).not.to.match(HOLD_DETAILS);
    await page.close();
  });
});
