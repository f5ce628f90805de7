// The pages' HTTP side: HEAD wherever GET is, the favicon in the library's colours, and the page
// settings the shared-computer features read (derived colours, idle minutes).
import { expect } from 'chai';
import { request } from 'node:http';
import { preferredPageLanguage } from '../../server/patronPageTexts';
import { startTestBot, type TestBot } from '../support/testBot';

/** A raw HEAD request (fetch hides whether a body came back). */
function head(url: string): Promise<{ status: number; headers: Record<string, unknown>; bodyBytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD' }, (res) => {
      let bodyBytes = 0;
      res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bodyBytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('chat pages over HTTP: HEAD, favicon, page settings', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot?.stop();
  });

  it('answers HEAD wherever GET answers, with the same headers and no body', async () => {
    for (const path of [
      '/',
      '/chat.js',
      '/chat-style.js',
      '/chat.css',
      '/widget.js',
      '/webchat/webchat.js',
      '/favicon.ico',
      '/favicon.svg',
      '/staff',
      '/staff.js',
      '/healthz',
      '/readyz',
    ]) {
      const got = await fetch(`${bot.url}${path}`);
      const body = Buffer.from(await got.arrayBuffer());
      const answered = await head(`${bot.url}${path}`);
      expect([path, answered.status], path).to.deep.equal([path, got.status]);
      expect(answered.bodyBytes, path).to.equal(0);
      expect(answered.headers['content-type'], path).to.equal(got.headers.get('content-type'));
      if (answered.headers['content-length'] !== undefined)
        expect(Number(answered.headers['content-length']), path).to.equal(body.length);
    }
    expect((await head(`${bot.url}/no-such-page`)).status).to.equal(404);
  });

  it('serves a favicon drawn in the library colours, as /favicon.ico and /favicon.svg', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const response = await fetch(`${bot.url}${path}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('image/svg+xml; charset=utf-8');
      const svg = await response.text();
      expect(svg).to.match(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).to.contain('fill="#1f5f8b"').and.contain('fill="#ffffff"').and.contain('fill="#f2a900"');
    }
    const page = await (await fetch(`${bot.url}/`)).text();
    expect(page).to.contain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  });

  it('gives the page the derived colours and the idle minutes of a signed-in session', async () => {
    const page = await (await fetch(`${bot.url}/`)).text();
    const json = /<script type="application\/json" id="library-settings">\s*([^<]+)<\/script>/.exec(
      page,
    )?.[1];
    const settings = JSON.parse(json ?? '{}') as { colours: Record<string, string>; idleMinutes: number };
    expect(settings.colours).to.deep.equal({
      primary: '#1f5f8b',
      accent: '#f2a900',
      background: '#ffffff',
      text: '#1b1b1b',
      onPrimary: '#ffffff',
      muted: '#6b6b6b',
    });
    expect(settings.idleMinutes).to.equal(15);
  });

  it('serves the page in the language the browser prefers, with the texts of every language for the script', async () => {
    const spanish = await fetch(`${bot.url}/`, { headers: { 'accept-language': 'es-US,es;q=0.9,en;q=0.8' } });
    expect(spanish.headers.get('vary')).to.contain('Accept-Language');
    const html = await spanish.text();
    expect(html)
      .to.contain('<html lang="es">')
      .and.contain('<title>Chat con Riverbend Public Library</title>');
    expect(html).to.match(/data-text="clearChat">\s*Borrar este chat\s*</);
    const json = /id="library-settings">\s*([^<]+)<\/script>/.exec(html)?.[1];
    const texts = (JSON.parse(json ?? '{}') as { texts: Record<string, Record<string, string>> }).texts;
    expect(Object.keys(texts)).to.deep.equal(['en', 'es']);
    expect(texts.es.idle).to.equal(
      'Este chat se borró tras 15 minutos sin actividad, para que la próxima persona no pueda verlo.',
    );
    expect(texts.en.failed).to.contain('(555) 010-2000');
    expect(await (await fetch(`${bot.url}/`, { headers: { 'accept-language': 'fr-FR' } })).text()).to.contain(
      '<html lang="en">',
    );
  });

  it('reads Accept-Language by its weights, English when no language we speak is listed', () => {
    expect(preferredPageLanguage('es-MX')).to.equal('es');
    expect(preferredPageLanguage('fr-CA, en;q=0.5, es;q=0.8')).to.equal('es');
    expect(preferredPageLanguage('es;q=0, en')).to.equal('en');
    expect(preferredPageLanguage('de-DE')).to.equal('en');
    expect(preferredPageLanguage(undefined)).to.equal('en');
    expect(preferredPageLanguage(';;q=x,,')).to.equal('en');
  });
});
