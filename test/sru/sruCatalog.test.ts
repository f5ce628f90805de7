import { expect } from 'chai';
import { buildCql, SruCatalog, SruError } from '../../library/librarySystem/sru/sruCatalog';
import { rejection } from '../librarySystem/librarySystemContract';
import { SruServerDouble, type SruDoubleOptions } from './sruServerDouble';

describe('SRU catalog search over HTTP', () => {
  let double: SruServerDouble;
  let catalog: SruCatalog;

  async function start(options: SruDoubleOptions = {}, timeoutMs = 2000): Promise<void> {
    double = await SruServerDouble.start(options);
    const holdings =
      options.holdingsTag === '852'
        ? { tag: '852', barcode: 'p', branch: 'b', callNumber: 'h' }
        : { tag: '952', barcode: 'p', branch: 'a', callNumber: 'o' };
    catalog = new SruCatalog({ url: double.url, holdings, timeoutMs });
  }

  afterEach(async () => double?.close());

  it('turns MARCXML into records: title, author, year, format, subjects and a copy to hold', async () => {
    await start();
    const [record] = await catalog.search({ title: 'Midsummer Archive', format: 'book' });
    expect(record).to.deep.equal({
      recordId: '39000000000201',
      workKey: 'midsummer archive|ines varga',
      title: 'Midsummer archive',
      author: 'Ines Varga',
      year: 2019,
      format: 'book',
      subjects: ['Archives', 'Fiction'],
      holdable: true,
      copies: 1,
      availableCopies: 1,
      callNumber: 'FIC VAR',
    });
    expect(double.queries).to.deep.equal(['dc.title="midsummer" and dc.title="archive"']);
  });

  it('reads formats from the carrier type (338), the leader and 008, and what can be held', async () => {
    await start();
    const lighthouse = await catalog.search({ author: 'Amelia Thorne' });
    expect(lighthouse.map((r) => [r.title, r.format, r.year])).to.have.deep.members([
      ['The lighthouse keeper: a novel', 'book', 2021],
      ['The lighthouse keeper', 'audiobook', 2021],
    ]);
    const ebook = (await catalog.search({ title: 'midsummer archive' })).find((r) => r.format === 'ebook');
    expect(ebook).to.include({ holdable: false, copies: 0, recordId: '1005' });
    const [largePrint] = await catalog.search({ keywords: 'salt and tide' });
    expect(largePrint).to.include({
      format: 'large-print',
      author: 'Rosa Nakamura',
      callNumber: 'LP FIC NAK',
    });
    const [atlas] = await catalog.search({ title: 'Riverbend County Atlas' });
    expect(atlas).to.include({ holdable: false, author: 'Riverbend County Historical Society', copies: 1 });
    const [orchard] = await catalog.search({ title: 'winter orchard' });
    expect(orchard).to.include({ year: 2020, copies: 1, availableCopies: 0, holdable: true });
  });

  it('reads 852 holdings and records packed as escaped strings', async () => {
    await start({ holdingsTag: '852', packing: 'string' });
    const [record] = await catalog.search({ title: 'Midsummer Archive', format: 'book' });
    expect(record).to.include({
      recordId: '39000000000201',
      callNumber: 'FIC VAR',
      title: 'Midsummer archive',
    });
  });

  it('asks again for any word when a typo empties the search, and ranks what comes back', async () => {
    await start();
    const found = await catalog.search({ keywords: 'the midsumer archive by ines varga' });
    expect(found.map((r) => r.title)).to.include('Midsummer archive');
    expect(double.queries).to.have.length(2);
    expect(double.queries[1]).to.include(' or ');
    expect(await catalog.search({ keywords: 'zzyzx quorble' })).to.deep.equal([]);
  });

  it('asks nothing for an empty search, and sends words only (no quotes or CQL from the patron)', async () => {
    await start();
    expect(await catalog.search({ keywords: '  ' })).to.deep.equal([]);
    expect(double.queries).to.deep.equal([]);
    expect(buildCql({ title: 'He said "hi\\"' })).to.equal(
      'dc.title="he" and dc.title="said" and dc.title="hi"',
    );
    expect(buildCql({ author: "O'Brien" })).to.equal('dc.creator="obrien"');
    expect(buildCql({ keywords: 'dune) or dc.title=(x' })).to.equal(
      'cql.serverChoice="dune" and cql.serverChoice="dc" and cql.serverChoice="title" and cql.serverChoice="x"',
    );
  });

  it('reports a diagnostic, an HTTP error or a slow server as an SRU error', async () => {
    await start({}, 200);
    double.faults.diagnostic = true;
    expect((await rejection(catalog.search({ title: 'x' }))).message).to.include('Unsupported index');
    double.faults.diagnostic = false;
    double.faults.httpError = true;
    const http = await rejection(catalog.search({ title: 'x' }));
    expect(http).to.be.instanceOf(SruError);
    expect(http.message).to.include('HTTP 500');
    expect(await rejection(catalog.checkReachable())).to.be.instanceOf(SruError);
    double.faults.httpError = false;
    await catalog.checkReachable();
    double.faults.delayMs = 500;
    expect((await rejection(catalog.search({ title: 'x' }))).message).to.include('did not answer');
  });
});
