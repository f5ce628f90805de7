// Narrow screens (320-400 px): suggested actions wrap onto lines of their own, never overlapping
// each other, the send box or the screen's edge; nothing scrolls sideways.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, type TestBot } from '../support/testBot';
import { waitForReply } from './pageDriver';

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('narrow screens: suggested actions wrap without overlapping', function () {
  this.timeout(60000);
  let bot: TestBot;
  let browser: Browser;
  before(async () => {
    bot = await startTestBot();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  for (const width of [320, 360, 400]) {
    it(`lays out the welcome's four suggested actions inside ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 700 } });
      await page.goto(`${bot.url}/`);
      await waitForReply(page, 0, /help bot/);
      await page.waitForSelector('.webchat__suggested-action');
      const layout = await page.evaluate(() => {
        const box = (element: Element, name: string) => {
          const r = element.getBoundingClientRect();
          return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        return {
          actions: Array.from(document.querySelectorAll('.webchat__suggested-action')).map((element) =>
            box(element, (element.textContent ?? '').trim()),
          ),
          sendBox: box(document.querySelector('.webchat__send-box__main')!, 'send box'),
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(layout.actions.map((a) => a.name)).to.deep.equal([
        'Opening hours',
        'Programs and events',
        'My holds',
        'Talk to a person',
      ]);
      expect(layout.scrollWidth).to.be.at.most(width);
      const boxes: Box[] = [...layout.actions, layout.sendBox];
      for (const action of layout.actions) {
        expect(action.left, action.name).to.be.at.least(0);
        expect(action.right, action.name).to.be.at.most(width);
        for (const other of boxes) {
          if (other !== action)
            expect(overlap(action, other), `${action.name} / ${other.name}`).to.equal(false);
        }
      }
      await page.close();
    });
  }
});
