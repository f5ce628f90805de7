// The patron page in Spanish, in headless Chromium: it opens in Spanish for a browser that prefers
// Spanish (texts, <html lang>, Web Chat's locale, the welcome, the embed's launcher), and an English
// page follows the patron's switch to Spanish mid-conversation. axe finds nothing either way.
import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestBot, type TestBot } from '../support/testBot';
import { axeViolations, typeAndWait, waitForReply } from './pageDriver';

/** What a screen reader is told: the page's language and texts, and the language of each bubble. */
function pageFacts(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    clear: document.getElementById('clear-chat')?.textContent?.trim(),
    region: document.getElementById('webchat')?.getAttribute('aria-label'),
    placeholder: document.querySelector('.webchat__send-box-text-box__input')?.getAttribute('placeholder'),
    inputLabel: document.querySelector('.webchat__send-box-text-box__input')?.getAttribute('aria-label'),
    bubbles: Array.from(document.querySelectorAll('#webchat .webchat__stacked-layout')).map((bubble) =>
      bubble.getAttribute('lang'),
    ),
  }));
}

describe('patron page in Spanish (headless Chromium)', function () {
  this.timeout(90000);
  let bot: TestBot;
  let browser: Browser;
  before(async () => {
    bot = await startTestBot({ now: () => new Date('2026-12-01T16:00:00Z') });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('opens in Spanish when the browser prefers Spanish, welcome and embed launcher included', async () => {
    const context = await browser.newContext({ locale: 'es-US' });
    const page = await context.newPage();
    await page.goto(`${bot.url}/`);
    await waitForReply(page, 0, /¡Hola! Soy el asistente virtual de Riverbend/);
    const facts = await pageFacts(page);
    expect(facts).to.deep.include({
      lang: 'es',
      title: 'Chat con Riverbend Public Library',
      clear: 'Borrar este chat',
      region: 'Chat con Riverbend Public Library',
      placeholder: 'Escriba su pregunta',
      inputLabel: 'Su mensaje para Riverbend Public Library',
    });
    expect(facts.bubbles).to.have.length.above(0);
    expect(facts.bubbles.filter((lang) => lang !== 'es')).to.deep.equal([]);
    expect(await axeViolations(page)).to.deep.equal([]);

    const site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<html lang="es"><body><h1>Sitio</h1><script src="${bot.url}/widget.js"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const host = await context.newPage();
      await host.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
      const launcher = host.locator('button[aria-controls="library-chat-panel"]');
      expect(await launcher.textContent()).to.equal('Chat con Riverbend');
      await launcher.click();
      expect(await launcher.textContent()).to.equal('Cerrar el chat');
      await host.frameLocator('iframe[title="Chat con Riverbend Public Library"]').locator('h1').waitFor();
    } finally {
      await new Promise((resolve) => site.close(resolve));
      await context.close();
    }
  });

  it('follows a switch to Spanish mid-conversation: texts, lang and Web Chat locale', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${bot.url}/`);
    await waitForReply(page, 0, /help bot/);
    expect((await pageFacts(page)).lang).to.equal('en');
    await page.getByRole('textbox').first().focus();
    await typeAndWait(page, page, 'en español, por favor', /desde ahora le contesto en español/);
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const facts = await pageFacts(page);
    expect(facts).to.deep.include({
      title: 'Chat con Riverbend Public Library',
      clear: 'Borrar este chat',
      placeholder: 'Escriba su pregunta',
    });
    // The welcome stays marked English; the answer in Spanish is marked Spanish.
    expect(facts.bubbles[0]).to.equal('en');
    expect(facts.bubbles.at(-1)).to.equal('es');
    await typeAndWait(page, page, 'a que hora abren hoy', /Horario|abierta|cerrada/);
    expect((await pageFacts(page)).bubbles.at(-1)).to.equal('es');
    expect(await axeViolations(page)).to.deep.equal([]);
    await context.close();
  });
});
