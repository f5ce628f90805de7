// An SRU server double: real HTTP, SRU 1.2 searchRetrieve and explain, MARCXML records with Koha-style
// 952 holdings (or 852), a small CQL evaluator for the indexes the client uses, and fault modes.
import { createServer, type Server } from 'node:http';

export interface SruDoubleRecord {
  id: string;
  leader: string;
  /** 008 fixed field (40 characters). */
  fixed008: string;
  title: string;
  subtitle?: string;
  author?: string;
  corporateAuthor?: string;
  year: string;
  carrier?: string;
  subjects: string[];
  /** Holdings: barcode, branch code, call number, not-for-loan flag, date due. */
  copies: { barcode: string; branch: string; callNumber: string; notForLoan?: boolean; due?: string }[];
}

export interface SruDoubleOptions {
  /** 952 (Koha) or 852 holdings. */
  holdingsTag?: '952' | '852';
  /** Records as elements, or escaped inside recordData (recordPacking=string). */
  packing?: 'xml' | 'string';
}

export interface SruDoubleFaults {
  diagnostic: boolean;
  httpError: boolean;
  delayMs: number;
}

const book008 = (year: string, form = ' ') =>
  `260101s${year}    ilu     ${form}      000 1 eng d`.slice(0, 40);

export function sruDoubleRecords(): SruDoubleRecord[] {
  return [
    {
      id: '1001',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2019'),
      title: 'Midsummer archive /',
      author: 'Varga, Ines,',
      year: '2019.',
      carrier: 'volume',
      subjects: ['Archives', 'Fiction.'],
      copies: [{ barcode: '39000000000201', branch: 'MAIN', callNumber: 'FIC VAR' }],
    },
    {
      id: '1002',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2021'),
      title: 'The lighthouse keeper :',
      subtitle: 'a novel /',
      author: 'Thorne, Amelia.',
      year: '[2021]',
      subjects: ['Lighthouses', 'Fiction.'],
      copies: [{ barcode: '39000000000101', branch: 'EAST', callNumber: 'FIC THO' }],
    },
    {
      id: '1003',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2015'),
      title: 'Riverbend County atlas.',
      corporateAuthor: 'Riverbend County Historical Society.',
      year: '2015',
      subjects: ['Maps', 'Local history'],
      copies: [{ barcode: '39000000000202', branch: 'MAIN', callNumber: 'REF 912 RIV', notForLoan: true }],
    },
    {
      id: '1004',
      leader: '00000nim a22000007a 4500',
      fixed008: book008('2021'),
      title: 'The lighthouse keeper',
      author: 'Thorne, Amelia.',
      year: '2021',
      carrier: 'audio disc',
      subjects: ['Lighthouses', 'Audiobooks.'],
      copies: [{ barcode: '39000000000501', branch: 'RIVER', callNumber: 'CD FIC THO' }],
    },
    {
      id: '1005',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2019', 'o'),
      title: 'Midsummer archive',
      author: 'Varga, Ines,',
      year: '2019',
      carrier: 'online resource',
      subjects: ['Archives'],
      copies: [],
    },
    {
      id: '1006',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2020'),
      title: 'Winter orchard /',
      author: 'Adeyemi, Leila.',
      year: '©2020',
      subjects: ['Orchards', 'Fiction.'],
      copies: [{ barcode: '39000000000102', branch: 'MAIN', callNumber: 'FIC ADE', due: '2026-03-16' }],
    },
    {
      id: '1007',
      leader: '00000nam a22000007a 4500',
      fixed008: book008('2018', 'd'),
      title: 'Salt and tide',
      author: 'Nakamura, Rosa.',
      year: '2018',
      subjects: ['Sea stories'],
      copies: [{ barcode: '39000000000103', branch: 'RIVER', callNumber: 'LP FIC NAK' }],
    },
  ];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

export class SruServerDouble {
  readonly faults: SruDoubleFaults = { diagnostic: false, httpError: false, delayMs: 0 };
  /** The CQL of every searchRetrieve, for tests. */
  readonly queries: string[] = [];
  records = sruDoubleRecords();
  url = '';
  private readonly server: Server;

  private constructor(private readonly options: SruDoubleOptions) {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const reply = (status: number, body: string) => {
        const send = () => {
          response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
          response.end(body);
        };
        if (this.faults.delayMs > 0) setTimeout(send, this.faults.delayMs);
        else send();
      };
      if (this.faults.httpError) return reply(500, '<html><body>Internal Server Error</body></html>');
      if (url.searchParams.get('operation') === 'explain') return reply(200, this.explain());
      if (url.searchParams.get('operation') !== 'searchRetrieve') return reply(400, '<error/>');
      const query = url.searchParams.get('query') ?? '';
      this.queries.push(query);
      if (this.faults.diagnostic) return reply(200, this.diagnostic());
      const limit = Number(url.searchParams.get('maximumRecords') ?? '10');
      return reply(200, this.searchRetrieve(this.matching(query).slice(0, limit)));
    });
  }

  static async start(options: SruDoubleOptions = {}): Promise<SruServerDouble> {
    const double = new SruServerDouble(options);
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    const address = double.server.address();
    double.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sru/biblios`;
    return double;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** `index="term"` clauses joined by "and" or "or" (the forms the client writes). */
  private matching(cql: string): SruDoubleRecord[] {
    const joiner = / or /.test(cql) ? 'or' : 'and';
    const clauses = cql.split(joiner === 'or' ? / or / : / and /).map((clause) => {
      const match = /^([\w.]+)="((?:[^"\\]|\\.)*)"$/.exec(clause.trim());
      return match ? { index: match[1], term: match[2].replace(/\\(.)/g, '$1').toLowerCase() } : undefined;
    });
    return this.records.filter((record) => {
      const results = clauses.map((clause) => {
        if (!clause) return false;
        const fields: Record<string, string> = {
          'dc.title': `${record.title} ${record.subtitle ?? ''}`,
          'dc.creator': record.author ?? record.corporateAuthor ?? '',
          'cql.serverChoice': `${record.title} ${record.subtitle ?? ''} ${record.author ?? ''} ${record.subjects.join(' ')}`,
        };
        return words(fields[clause.index] ?? '').includes(clause.term);
      });
      return joiner === 'or' ? results.some(Boolean) : results.every(Boolean);
    });
  }

  private marc(record: SruDoubleRecord): string {
    const sub = (code: string, value: string | undefined) =>
      value === undefined ? '' : `<subfield code="${code}">${escapeXml(value)}</subfield>`;
    const data = (tag: string, subfields: string) =>
      subfields ? `<datafield tag="${tag}" ind1=" " ind2=" ">${subfields}</datafield>` : '';
    const tag = this.options.holdingsTag ?? '952';
    const holdings = record.copies
      .map((copy) =>
        tag === '952'
          ? data(
              '952',
              sub('a', copy.branch) +
                sub('o', copy.callNumber) +
                sub('p', copy.barcode) +
                sub('7', copy.notForLoan ? '1' : undefined) +
                sub('q', copy.due),
            )
          : data('852', sub('b', copy.branch) + sub('h', copy.callNumber) + sub('p', copy.barcode)),
      )
      .join('');
    return (
      `<record xmlns="http://www.loc.gov/MARC21/slim"><leader>${record.leader}</leader>` +
      `<controlfield tag="001">${record.id}</controlfield><controlfield tag="008">${record.fixed008}</controlfield>` +
      data('100', sub('a', record.author)) +
      data('110', sub('a', record.corporateAuthor)) +
      data('245', sub('a', record.title) + sub('b', record.subtitle)) +
      data('264', sub('c', record.year)) +
      data('338', sub('a', record.carrier)) +
      record.subjects.map((s) => data('650', sub('a', s))).join('') +
      holdings +
      `</record>`
    );
  }

  private searchRetrieve(records: SruDoubleRecord[]): string {
    const packing = this.options.packing ?? 'xml';
    const items = records
      .map((record, i) => {
        const marc = packing === 'string' ? escapeXml(this.marc(record)) : this.marc(record);
        return (
          `<zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>${packing}</zs:recordPacking>` +
          `<zs:recordData>${marc}</zs:recordData><zs:recordPosition>${i + 1}</zs:recordPosition></zs:record>`
        );
      })
      .join('');
    return (
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>` +
      `<zs:numberOfRecords>${records.length}</zs:numberOfRecords><zs:records>${items}</zs:records></zs:searchRetrieveResponse>`
    );
  }

  private diagnostic(): string {
    return (
      `<?xml version="1.0"?><srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/" ` +
      `xmlns:diag="http://www.loc.gov/zing/srw/diagnostic/"><srw:version>1.2</srw:version><srw:numberOfRecords>0</srw:numberOfRecords>` +
      `<srw:diagnostics><diag:diagnostic><diag:uri>info:srw/diagnostic/1/16</diag:uri>` +
      `<diag:message>Unsupported index</diag:message></diag:diagnostic></srw:diagnostics></srw:searchRetrieveResponse>`
    );
  }

  private explain(): string {
    return (
      `<?xml version="1.0"?><zs:explainResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>` +
      `<zs:record><zs:recordSchema>http://explain.z3950.org/dtd/2.0/</zs:recordSchema><zs:recordData>` +
      `<explain xmlns="http://explain.z3950.org/dtd/2.0/"><serverInfo protocol="SRU"><host>127.0.0.1</host></serverInfo></explain>` +
      `</zs:recordData></zs:record></zs:explainResponse>`
    );
  }
}
