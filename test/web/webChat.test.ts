import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, TestBot } from '../support/testBot';

describe('Web chat page in headless Chromium', function () {
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

  it('shows the welcome, takes a typed message and renders the reply', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${bot.url}/`);
    await expect(await page.locator('h1').textContent()).to.equal('Riverbend Public Library');
    await page.getByText('help bot', { exact: false }).first().waitFor({ timeout: 20000 });

    const sendBox = page.getByRole('textbox').first();
    expect(await sendBox.getAttribute('aria-label'))
      .to.be.a('string')
      .and.not.equal('');
    await sendBox.fill('good morning');
    await sendBox.press('Enter');
    await page.getByText('good morning').first().waitFor({ timeout: 10000 });
    await page.waitForFunction(
      () => document.querySelectorAll('[role="region"] .webchat__bubble').length >= 3,
      null,
      {
        timeout: 15000,
      },
    );
    const bubbles = await page.locator('.webchat__bubble').allTextContents();
    expect(bubbles.filter((text) => /Riverbend Public Library help bot/.test(text)).length).to.be.at.least(2);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/web-chat.png` });
    expect(problems).to.deep.equal([]);
  });

  it('embeds with one script tag as a keyboard-usable chat button', async () => {
    // The library's own site: another origin on this machine, with the one-line embed.
    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html lang="en"><body><h1>Library site</h1><script src="${bot.url}/widget.js" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
    const button = page.locator('button[aria-controls="library-chat-panel"]');
    expect(await button.textContent()).to.equal('Chat with Riverbend');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).to.equal('true');
    const frame = page.frameLocator('iframe[title="Chat with Riverbend Public Library"]');
    await frame.getByText('help bot', { exact: false }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Escape');
    // Escape pressed inside the chat frame reaches the page as a message: wait for it, then check.
    await page.waitForFunction(
      () =>
        document
          .querySelector('button[aria-controls="library-chat-panel"]')
          ?.getAttribute('aria-expanded') === 'false',
      null,
      { timeout: 10000 },
    );
    expect(await button.getAttribute('aria-expanded')).to.equal('false');
    expect(await page.locator('#library-chat-panel').isHidden()).to.equal(true);
    await new Promise((resolve) => site.close(resolve));
  });
});
