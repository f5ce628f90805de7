// End to end with a real library system protocol: the whole bot (restify, CloudAdapter, built-in
// Direct Line, SQLite state, trained recognizer) configured with librarySystem.kind sip2, pointed
// at the SIP2 server double over TCP and the SRU double over HTTP. A patron lists, places and
// cancels holds; /readyz reports the SIP2 login and the catalog separately; and the privacy canary
// runs at debug level, where every SIP2 message is logged: the PIN and card number appear nowhere.
import type { Activity } from 'botbuilder';
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateLibraryConfig, type LoadedLibraryConfig } from '../../config/libraryConfig';
import { DirectLineTestClient } from '../support/directLineClient';
import { DEMO_CONFIG_PATH, demoLibraryRecognizer, startTestBot, type TestBot } from '../support/testBot';
import { SruServerDouble } from '../sru/sruServerDouble';
import { Sip2ServerDouble } from './sip2ServerDouble';
import { sip2Login } from './sip2World';

const card = '23000000000011';
const pin = '739164';

function sip2Library(sip2Port: number, sruUrl?: string): LoadedLibraryConfig {
  const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  raw.librarySystem = {
    kind: 'sip2',
    host: '127.0.0.1',
    port: sip2Port,
    tls: false,
    institution: 'RIVERBEND',
    locationCode: 'BOT',
    loginUserEnv: 'SIP2_USER',
    loginPasswordEnv: 'SIP2_PASSWORD',
    encoding: 'utf8',
    errorDetection: true,
    timeoutMs: 3000,
    vendor: 'koha',
    ...(sruUrl
      ? {
          catalog: {
            kind: 'sru',
            url: sruUrl,
            holdings: { tag: '952', barcode: 'p', branch: 'a', callNumber: 'o' },
          },
        }
      : {}),
  };
  const codes: Record<string, string> = {
    main: 'MAIN',
    eastside: 'EAST',
    riverside: 'RIVER',
    'oak-hill': 'OAK',
  };
  for (const branch of raw.branches as Record<string, unknown>[]) {
    const code = codes[branch.id as string];
    if (code) branch.ilsCode = code;
  }
  const config = validateLibraryConfig(raw, DEMO_CONFIG_PATH);
  return { config, path: DEMO_CONFIG_PATH, directory: join(DEMO_CONFIG_PATH, '..') };
}

function text(activities: Activity[]): string {
  return activities
    .map((a) =>
      [
        a.text ?? '',
        JSON.stringify(a.attachments ?? []),
        ...(a.suggestedActions?.actions ?? []).map((action) => `[${action.title}]`),
      ].join(' '),
    )
    .join('\n');
}

describe('holds over the built-in Direct Line with a SIP2 library system', () => {
  let sip2: Sip2ServerDouble;
  let sru: SruServerDouble;
  let bot: TestBot;

  before(async () => {
    sip2 = await Sip2ServerDouble.start({ login: sip2Login });
    // This patron's PIN for this run: long enough never to turn up by chance in a timestamp.
    const patron = sip2.patrons.find((p) => p.card === card);
    if (patron) patron.pin = pin;
    sru = await SruServerDouble.start();
    bot = await startTestBot({
      library: sip2Library(sip2.port, sru.url),
      recognizer: demoLibraryRecognizer(),
      secrets: { sip2Login },
    });
  });
  after(async () => {
    await bot.stop();
    await sip2.close();
    await sru.close();
  });

  it('signs in with card and PIN over SIP2, lists, places and cancels holds; the PIN reaches no log line', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    expect(text(await client.ask('is my book ready?'))).to.include('library card number');
    expect(text(await client.ask(card))).to.include('PIN');
    const listed = text(await client.ask(pin));
    expect(listed).to.include('Yes: The Lighthouse Keeper is ready at Eastside Branch.');
    expect(listed).to.include('Winter Orchard').and.include('Salt and Tide');

    expect(text(await client.ask('put a hold on Midsummer Archive by Ines Varga'))).to.include(
      '[Midsummer archive by Ines Varga',
    );
    expect(text(await client.ask('1'))).to.include('comes in');
    expect(text(await client.ask('Book'))).to.include('for pickup at Main Library, your home branch?');
    expect(text(await client.ask('yes'))).to.include(
      'Done: your hold on Midsummer Archive (Book) is placed.',
    );
    expect(
      sip2.holds.some((h) => h.card === card && h.barcode === '39000000000201' && h.pickup === 'MAIN'),
    ).to.equal(true);

    expect(text(await client.ask('cancel my hold on midsummer archive'))).to.include(
      'Cancel your hold on Midsummer Archive (Book)?',
    );
    expect(text(await client.ask('yes'))).to.include('Your hold on Midsummer Archive is cancelled.');
    expect(sip2.holds.some((h) => h.card === card && h.barcode === '39000000000201')).to.equal(false);
    expect(text(await client.ask('sign out'))).to.include("You're signed out");

    // The SIP2 traffic was logged at debug level, masked.
    const logs = bot.logText();
    expect(logs).to.include('SIP2 sent').and.include('AA****0011').and.include('AD***');
    expect(logs).to.not.include(pin).and.not.include(card).and.not.include(sip2Login.password);
    // The PIN went to the ILS once, in AD of one patron information request.
    expect(sip2.received.filter((m) => m.includes(pin))).to.have.length(1);
    expect(sip2.received.find((m) => m.includes(pin))).to.match(new RegExp(`^63.*\\|AD${pin}\\|`));

    const history = await fetch(
      `${bot.url}/v3/directline/conversations/${client.session.conversationId}/activities`,
      { headers: { authorization: `Bearer ${client.session.token}` } },
    );
    const historyText = JSON.stringify(await history.json());
    expect(historyText).to.not.include(pin).and.not.include(card);
    const files = readdirSync(bot.dataDir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    );
    for (const file of files.map((f) => join(f.parentPath ?? bot.dataDir, f.name))) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes, file).to.not.include(pin).and.not.include(card);
    }
  });

  it('reports the SIP2 login and the SRU catalog separately in /readyz', async () => {
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).to.equal(200);
    sru.faults.httpError = true;
    const catalogDown = await fetch(`${bot.url}/readyz`);
    expect(catalogDown.status).to.equal(503);
    expect(await catalogDown.json()).to.deep.equal({
      status: 'not ready',
      failing: ['librarySystem.sruCatalog'],
    });
    sru.faults.httpError = false;
    // The ILS restarted (every connection dropped) and then stopped answering.
    sip2.dropConnections();
    sip2.faults.hang = true;
    const sip2Down = await fetch(`${bot.url}/readyz`);
    expect(await sip2Down.json()).to.deep.equal({
      status: 'not ready',
      failing: ['librarySystem.sip2Login'],
    });
    sip2.faults.hang = false;
    expect((await fetch(`${bot.url}/readyz`)).status).to.equal(200);
  });
});

describe('a SIP2 library system without a catalog over Direct Line', () => {
  let sip2: Sip2ServerDouble;
  let bot: TestBot;

  before(async () => {
    sip2 = await Sip2ServerDouble.start({ login: sip2Login });
    bot = await startTestBot({
      library: sip2Library(sip2.port),
      recognizer: demoLibraryRecognizer(),
      secrets: { sip2Login },
    });
  });
  after(async () => {
    await bot.stop();
    await sip2.close();
  });

  it('lists holds, and for a new hold gives the catalog link instead of searching', async () => {
    const client = await DirectLineTestClient.start(bot.url);
    await client.ask('is my book ready?');
    await client.ask('23000000000012');
    expect(text(await client.ask('2222'))).to.include('no holds');
    const answer = text(await client.ask('put a hold on Midsummer Archive by Ines Varga'));
    expect(answer).to.include("Use the library's catalog at https://");
    expect(answer).to.not.include('something went wrong');
    expect(sip2.holds.some((h) => h.card === '23000000000012')).to.equal(false);
  });
});
