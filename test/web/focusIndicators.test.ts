// Visible focus, measured on screen: each control is focused by keyboard and photographed, then
// blurred and photographed again; the pixels that changed must differ by at least 3:1 (WCAG 1.4.11,
// and 2.4.13's measure) over an area at least as large as a 1 px ring round the control.
import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { contrastRatio } from '../../config/colourContrast';
import { launchChromium } from '../support/browser';
import { decodePng } from '../support/png';
import { startTestBot, type TestBot } from '../support/testBot';
import { type Surface, pressUntilFocused, typeAndWait, waitForReply } from './pageDriver';

interface FocusChange {
  /** Pixels that changed by at least 3:1 when the control took focus. */
  strongPixels: number;
  /** The control's perimeter in pixels: the area of a 1 px ring round it. */
  perimeter: number;
}

function hex(rgba: Uint8Array, i: number): string {
  return `#${Array.from(rgba.subarray(i, i + 3))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Photographs the focused control (focused by the keyboard already), then blurs it and compares. */
async function focusChange(page: Page, surface: Surface): Promise<FocusChange> {
  const box = await surface.evaluate(() => {
    const rect = (document.activeElement as HTMLElement).getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  const frameOffset = await (async () => {
    if (surface === page) return { x: 0, y: 0 };
    const element = await (surface as Exclude<Surface, Page>).frameElement();
    const frameBox = await element.boundingBox();
    return { x: frameBox?.x ?? 0, y: frameBox?.y ?? 0 };
  })();
  const margin = 8;
  const clip = {
    x: Math.max(0, Math.floor(box.x + frameOffset.x - margin)),
    y: Math.max(0, Math.floor(box.y + frameOffset.y - margin)),
    width: Math.ceil(box.width + 2 * margin),
    height: Math.ceil(box.height + 2 * margin),
  };
  const focused = decodePng(await page.screenshot({ clip, caret: 'hide' }));
  await surface.evaluate(() => (document.activeElement as HTMLElement).blur());
  const blurred = decodePng(await page.screenshot({ clip, caret: 'hide' }));
  let strongPixels = 0;
  for (let i = 0; i < focused.rgba.length; i += 4) {
    if (contrastRatio(hex(focused.rgba, i), hex(blurred.rgba, i)) >= 3) strongPixels += 1;
  }
  return { strongPixels, perimeter: Math.round(2 * (box.width + box.height)) };
}

describe('visible focus on every control, at least 3:1 against what surrounds it', function () {
  this.timeout(90000);
  let bot: TestBot;
  let browser: Browser;
  const measured: Record<string, FocusChange> = {};

  before(async () => {
    bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z') });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    if (process.env.FOCUS_REPORT) console.log(measured);
  });

  async function expectVisibleFocus(page: Page, surface: Surface, name: string): Promise<void> {
    const change = await focusChange(page, surface);
    measured[name] = change;
    expect(change.strongPixels, `${name}: ${JSON.stringify(change)}`).to.be.at.least(change.perimeter);
  }

  it('shows a ring on the send box, send button, suggested actions, card buttons and page buttons', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${bot.url}/`);
    await waitForReply(page, 0, /help bot/);
    // The page puts focus in the send box; leave it and come back by keyboard.
    await pressUntilFocused(page, page, 'Shift+Tab', /Opening hours/, 3);
    await pressUntilFocused(page, page, 'Tab', /^input \| text \| Your message/, 3);
    await expectVisibleFocus(page, page, 'send box');
    await pressUntilFocused(page, page, 'Tab', /^input \| text \| Your message/, 12);
    await pressUntilFocused(page, page, 'Tab', /^button \|.*Send/, 2);
    await expectVisibleFocus(page, page, 'send button');
    await pressUntilFocused(page, page, 'Shift+Tab', /^input \| text \| Your message/, 3);
    await pressUntilFocused(page, page, 'Shift+Tab', /Opening hours/, 2);
    await expectVisibleFocus(page, page, 'suggested action');
    await pressUntilFocused(page, page, 'Shift+Tab', /Clear this chat/, 6);
    await expectVisibleFocus(page, page, 'Clear this chat (on the primary colour)');

    await pressUntilFocused(page, page, 'Tab', /^input \| text \| Your message/, 8);
    await typeAndWait(page, page, 'what programs are there for kids this week', /Details and registration/);
    await pressUntilFocused(page, page, 'Shift+Tab', /Chat history/, 6);
    await page.keyboard.press('Enter');
    await pressUntilFocused(page, page, 'Tab', /Details and registration/, 4);
    await expectVisibleFocus(page, page, 'card button');
    // Back into the card (focus stays trapped there), then Escape out of it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');

    await pressUntilFocused(page, page, 'Tab', /^input \| text \| Your message/, 8);
    await typeAndWait(page, page, 'show my holds', /library card number/);
    await expectVisibleFocus(page, page, 'masked answer field');
    await pressUntilFocused(page, page, 'Tab', /^button \| submit/, 2);
    await expectVisibleFocus(page, page, 'masked answer send');
    await pressUntilFocused(page, page, 'Tab', /Ask something else/, 2);
    await expectVisibleFocus(page, page, 'ask something else');
    await page.close();
  });

  it('shows a ring on the staff sign-in form and the embed launcher', async () => {
    const staff = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await staff.goto(`${bot.url}/staff`);
    await pressUntilFocused(staff, staff, 'Tab', /staff-name/, 3);
    await expectVisibleFocus(staff, staff, 'staff name');
    await pressUntilFocused(staff, staff, 'Tab', /staff-passcode/, 3);
    await expectVisibleFocus(staff, staff, 'staff passcode');
    await pressUntilFocused(staff, staff, 'Tab', /Open the workspace/, 3);
    await expectVisibleFocus(staff, staff, 'open the workspace');
    await staff.close();

    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html lang="en"><body><h1>Library site</h1><script src="${bot.url}/widget.js"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const host = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await host.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
    await pressUntilFocused(host, host, 'Tab', /Chat with Riverbend/, 3);
    await expectVisibleFocus(host, host, 'embed launcher');
    await host.close();
    await new Promise((resolve) => site.close(resolve));
  });
});
