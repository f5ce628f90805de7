// A patron's whole visit by keyboard only, with axe-core (WCAG 2.0/2.1 A and AA) after every reply,
// at 1100 px and 375 px, on `/` and inside the embed frame; the staff workspace (`/staff`) is checked
// at the same widths while it shows the escalation card, the claimed chat, the relay and a ticket.
import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot } from '../support/testBot';
import {
  type AxeFinding,
  axeViolations,
  focusedElement,
  pressUntilFocused,
  type Surface,
  typeAndWait,
  waitForReply,
  bubbleCount,
  settle,
} from './pageDriver';

const SIZES = [
  { width: 1100, height: 900 },
  { width: 375, height: 812 },
];

/** What the patron types in the handoff: markup and markdown that must reach staff as text. */
const MARKUP =
  '**urgent** [my account](http://evil.example/a) <img src="http://evil.example/i.png"> jane@example.org';

/** The patron's own messages on their page. */
const PATRON_BUBBLES = '#webchat .webchat__stacked-layout--from-user';

interface Checked {
  where: string;
  violations: AxeFinding[];
}

describe('keyboard-only visit with axe after every reply (patron page, embed frame, staff workspace)', function () {
  this.timeout(180000);
  let browser: Browser;
  const screenshots = process.env.SCREENSHOT_DIR;
  let axeRuns = 0;
  let axeMs = 0;

  before(async () => {
    browser = await launchChromium([
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ]);
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    if (process.env.AXE_REPORT)
      console.log(`      axe: ${axeRuns} runs, ${Math.round(axeMs / axeRuns)} ms each on average`);
  });

  /** Runs axe where we are now, keeps what it found, and takes a screenshot when asked to. */
  async function check(found: Checked[], page: Page, surface: Surface, where: string): Promise<void> {
    const started = Date.now();
    const violations = await axeViolations(surface);
    axeMs += Date.now() - started;
    axeRuns += 1;
    found.push({ where, violations });
    if (screenshots)
      await page.screenshot({ path: join(screenshots, `${where.replace(/[^\w-]+/g, '-')}.png`) });
  }

  function failures(found: Checked[]): string[] {
    return found.flatMap(({ where, violations }) =>
      violations.map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target).join(', ')}`),
    );
  }

  /** Signs in to the staff workspace by keyboard (the passcode form) and waits until it is open. */
  async function openStaffWorkspace(context: BrowserContext, botUrl: string, name: string): Promise<Page> {
    const staff = await context.newPage();
    await staff.goto(`${botUrl}/staff`);
    await pressUntilFocused(staff, staff, 'Tab', /^input \|.*staff-name/);
    await staff.keyboard.type(name);
    await staff.keyboard.press('Tab');
    await staff.keyboard.type('riverbend-staff');
    await staff.keyboard.press('Enter');
    await staff
      .waitForFunction(
        (who) =>
          document.getElementById('signed-in-as')?.textContent?.startsWith(`Signed in as ${who}`) === true,
        name,
        // The first snapshot waits for the bot's first turns, slow on a busy machine.
        { timeout: 60000 },
      )
      .catch(async (error: Error) => {
        const shown = await staff.evaluate(() => document.body.innerText);
        throw new Error(`${error.message}\nThe workspace showed:\n${shown}`);
      });
    await settle(staff);
    return staff;
  }

  /** Waits until `selector` in the staff workspace shows `text`. */
  async function staffShows(staff: Page, selector: string, text: string): Promise<void> {
    await staff.waitForFunction(
      ([where, what]) =>
        Array.from(document.querySelectorAll(where)).some((node) => (node.textContent ?? '').includes(what)),
      [selector, text] as const,
      { timeout: 20000 },
    );
    await settle(staff);
  }

  /** The patron's chat: the page itself, or the frame the embed opens on the library's site. */
  async function openPatronChat(
    context: BrowserContext,
    address: { bot: string; site: string },
    embedded: boolean,
  ): Promise<{ page: Page; chat: Surface }> {
    const page = await context.newPage();
    if (!embedded) {
      await page.goto(`${address.bot}/`);
      await waitForReply(page, 0, /help bot/);
      return { page, chat: page };
    }
    await page.goto(address.site);
    await pressUntilFocused(page, page, 'Tab', /^button \|.*Chat with Riverbend/);
    await page.keyboard.press('Enter');
    const frameElement = await page.waitForSelector('iframe[title="Chat with Riverbend Public Library"]');
    const chat = (await frameElement.contentFrame())!;
    await waitForReply(chat, 0, /help bot/);
    return { page, chat };
  }

  /** Chooses a suggested action by keyboard: Shift+Tab into the group, arrows to the one wanted. */
  async function chooseSuggestedAction(
    page: Page,
    chat: Surface,
    label: string,
    reply: RegExp,
  ): Promise<void> {
    const before = await bubbleCount(chat);
    await pressUntilFocused(page, chat, 'Shift+Tab', /^button \|/, 3);
    await pressUntilFocused(page, chat, 'ArrowRight', new RegExp(`^button \\|.*\\| ${label}`), 8).catch(() =>
      pressUntilFocused(page, chat, 'ArrowLeft', new RegExp(`^button \\|.*\\| ${label}`), 8),
    );
    await page.keyboard.press('Enter');
    await waitForReply(chat, before, reply);
  }

  /** The library's own website, on another origin, with the one-line embed. */
  async function startLibrarySite(botUrl: string): Promise<{ url: string; server: Server }> {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<!doctype html><html lang="en"><head><title>Riverbend Public Library</title></head>' +
          '<body><main><h1>Riverbend Public Library</h1><p>Welcome to our website.</p></main>' +
          `<script src="${botUrl}/widget.js" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
  }

  async function walk(size: { width: number; height: number }, embedded: boolean): Promise<void> {
    const name = `${embedded ? 'embed' : 'page'}-${size.width}`;
    // A bot of its own per walk: staff presence and the queue start empty. Monday 10:00 in
    // Riverbend, staffed chat hours.
    const bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z') });
    const site = await startLibrarySite(bot.url);
    const context = await browser.newContext({ viewport: size });
    const problems: string[] = [];
    const found: Checked[] = [];
    const staffFound: Checked[] = [];
    try {
      const staff = embedded ? undefined : await openStaffWorkspace(context, bot.url, 'Sam');
      if (staff) await check(staffFound, staff, staff, `${name}-staff-signed-in`);
      const { page, chat } = await openPatronChat(context, { bot: bot.url, site: site.url }, embedded);
      page.on('pageerror', (error) => problems.push(error.message));
      const step = (what: string) => check(found, page, chat, `${name}-${what}`);
      const say = (text: string, reply: RegExp) => typeAndWait(page, chat, text, reply);
      await step('welcome');
      if (embedded) await check(found, page, page, `${name}-library-site`);
      expect(await focusedElement(chat)).to.match(/^input \| text \| Your message to Riverbend/);

      await chooseSuggestedAction(page, chat, 'Opening hours', /open|closed/i);
      await step('hours-menu');
      await say('hours at Oak Hill this week', /Oak Hill/);
      await step('hours-table');
      await say('what programs are there for kids this week', /Details and registration/);
      await step('programs');
      await chooseSuggestedAction(page, chat, 'More', /\(\d+ of \d+\)|that was all|Details/);
      await step('programs-more');

      await say('show my holds', /library card number/);
      expect(await focusedElement(chat)).to.match(/^input \| password \| sensitive-input/);
      await step('card-question');
      await say('21000000000001', /PIN/);
      await step('pin-question');
      await say('2468', /Your 3 holds/);
      await step('holds');
      await say('cancel a hold', /Which hold/i);
      await step('cancel-choice');
      await chooseSuggestedAction(
        page,
        chat,
        'Lessons in Chemistry',
        /Cancel your hold on Lessons in Chemistry/,
      );
      await step('cancel-confirm');
      await chooseSuggestedAction(page, chat, 'No, keep it', /kept your hold/);
      await step('cancel-kept');

      if (staff) {
        await say('I want to talk to a person', /number 1 in line/);
        await step('handoff-queued');
        await staffShows(staff, '#queue-list', 'Number 1 in line');
        await check(staffFound, staff, staff, `${name}-staff-escalation`);
        await pressUntilFocused(staff, staff, 'Tab', /^button \|.*Claim Patron/);
        await staff.keyboard.press('Enter');
        await waitForReply(page === chat ? page : chat, 0, /Sam from the library has joined/);
        await step('handoff-joined');
        // The claimed chat opens in a tab of its own with the keyboard in its reply box.
        await staff.waitForFunction(() => document.activeElement?.classList.contains('reply-box'));
        await settle(staff);
        await check(staffFound, staff, staff, `${name}-staff-claimed`);
        await page.keyboard.type(MARKUP);
        await page.keyboard.press('Enter');
        await staffShows(staff, '.chat-log', 'Patron: **urgent**');
        await check(staffFound, staff, staff, `${name}-staff-relayed`);
        await expectShownAsText(staff, `Patron: ${MARKUP}`, '.chat-log');
        await expectShownAsText(chat, MARKUP, PATRON_BUBBLES);
        await staff.keyboard.type('Your account is fine. Anything else?');
        await staff.keyboard.press('Enter');
        await waitForReply(chat, 0, /Sam: Your account is fine/);
        await step('handoff-relayed');
        await pressUntilFocused(staff, staff, 'Tab', /^button \|.*End chat/);
        await staff.keyboard.press('Enter');
        await waitForReply(chat, 0, /Sam has left the chat/);
        await step('handoff-ended');
        await staffShows(staff, '.chat-tab', '(ended)');
        await check(staffFound, staff, staff, `${name}-staff-ended`);
      } else {
        // Nobody on duty has the console open: the patron leaves a message instead.
        await say('I want to talk to a person', /leave a message/);
        await step('handoff-offer');
        await chooseSuggestedAction(page, chat, 'Leave a message', /How should staff get back to you/);
        await step('ticket-contact');
        await chooseSuggestedAction(page, chat, 'Email', /What email address/);
        await say('jane@example.org', /What would you like to ask staff/);
        await step('ticket-message');
        await say(MARKUP, /your message is saved/);
        await step('ticket-saved');
        await expectShownAsText(chat, MARKUP, PATRON_BUBBLES);
      }

      const beforeSignOut = await bubbleCount(chat);
      expect(beforeSignOut).to.be.greaterThan(10);
      await page.keyboard.type('sign out');
      await page.keyboard.press('Enter');
      await chat.waitForFunction(() =>
        /signed out/.test(document.getElementById('chat-status')?.textContent ?? ''),
      );
      await waitForReply(chat, 0, /help bot/);
      await step('signed-out');
      const remaining = await chat.evaluate(() => document.body.innerText);
      expect(remaining).not.to.match(/Midnight Library|Lessons in Chemistry|Project Hail Mary|Jordan/);

      if (embedded) {
        // The message reaches staff when someone opens the workspace: it is checked too.
        const workspace = await openStaffWorkspace(context, bot.url, 'Alex');
        await staffShows(workspace, '#ticket-list', '**urgent**');
        await check(staffFound, workspace, workspace, `${name}-staff-ticket`);
        await expectShownAsText(workspace, MARKUP, '#ticket-list');
        await expectShownAsText(workspace, 'Email jane@example.org', '#ticket-list');
      }
      expect(problems).to.deep.equal([]);
      expect(found.length).to.be.at.least(13);
      expect(failures([...found, ...staffFound])).to.deep.equal([]);
    } finally {
      await context.close();
      await new Promise((resolve) => site.server.close(resolve));
      await bot.stop();
    }
  }

  /**
   * The text appears literally, and nothing in `scope` became a link or an image: in the staff
   * workspace the chat log or the messages left, on the patron's page the patron's own messages.
   */
  async function expectShownAsText(surface: Surface, text: string, scope = '#webchat'): Promise<void> {
    const shown = await surface.evaluate((selector) => {
      const parts = Array.from(document.querySelectorAll(selector));
      return {
        text: parts.map((part) => (part as HTMLElement).innerText).join('\n'),
        links: parts.flatMap((part) =>
          Array.from(part.querySelectorAll('a')).map((a) => a.getAttribute('href')),
        ),
        images: parts.flatMap((part) =>
          Array.from(part.querySelectorAll('img')).map((i) => i.getAttribute('src')),
        ),
      };
    }, scope);
    expect(shown.text).to.contain(text);
    expect(shown.links.filter((href) => /evil|jane|example\.org/.test(href ?? ''))).to.deep.equal([]);
    expect(shown.images.filter((src) => /evil/.test(src ?? ''))).to.deep.equal([]);
  }

  // The page and the embed walk side by side (each with a bot of its own): most of a walk is
  // waiting for replies and renders, so two at once take little longer than one.
  for (const size of SIZES) {
    it(`walks / (with /staff) and the embed frame at ${size.width} px: 0 axe violations after every reply`, async () => {
      await Promise.all([walk(size, false), walk(size, true)]);
    });
  }
});
