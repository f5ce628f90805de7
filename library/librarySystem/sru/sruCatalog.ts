// Catalog search over SRU (Search/Retrieve via URL, 1.2): searchRetrieve with a CQL query built
// from the patron's words (Dublin Core indexes dc.title and dc.creator, cql.serverChoice for other
// words), MARCXML records turned into CatalogRecords, ranked with the same forgiving scorer as the
// demo. A record's id is the barcode of one of its copies, because SIP2 places holds by item (with
// hold type "any copy of the title").
import { XMLParser } from 'fast-xml-parser';
import { scoreRecord, searchTokens, type CatalogSource } from '../catalogSearch';
import type { CatalogQuery, CatalogRecord } from '../librarySystem';
import {
  marcAuthor,
  marcCopies,
  marcFormat,
  marcId,
  marcSubjects,
  marcTitle,
  marcYear,
  type HoldingsLayout,
  type MarcRecord,
} from './marc';

export interface SruCatalogOptions {
  /** The SRU base URL, e.g. https://ils.example.org/sru/biblios (Koha) or .../opac/extras/sru. */
  url: string;
  holdings: HoldingsLayout;
  timeoutMs: number;
  /** How many records to ask for (default 20); results are ranked and cut to the query's limit. */
  maximumRecords?: number;
}

/** The SRU server answered with an error (HTTP status or an SRU diagnostic). */
export class SruError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SruError';
  }
}

const arrays = new Set(['record', 'datafield', 'subfield', 'controlfield', 'diagnostic']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => arrays.has(name),
  // MARCXML needs no entities beyond XML's own; external ones are never fetched.
  processEntities: true,
});

type XmlNode = Record<string, unknown>;

function node(value: unknown): XmlNode {
  return value !== null && typeof value === 'object' ? (value as XmlNode) : {};
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const inner = node(value)['#text'];
  return typeof inner === 'string' ? inner : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Quotes a term for CQL: backslash and double quote escaped. */
function quote(term: string): string {
  return `"${term.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** One clause per word, all required: servers differ on multi-word relations, not on "and". */
export function buildCql(query: CatalogQuery, join: 'and' | 'or' = 'and'): string | undefined {
  const clauses: string[] = [];
  for (const word of searchTokens(query.title)) clauses.push(`dc.title=${quote(word)}`);
  for (const word of searchTokens(query.author)) clauses.push(`dc.creator=${quote(word)}`);
  for (const word of searchTokens(query.keywords)) clauses.push(`cql.serverChoice=${quote(word)}`);
  return clauses.length > 0 ? clauses.join(` ${join} `) : undefined;
}

export function parseMarcRecord(value: unknown): MarcRecord {
  const record = node(value);
  const control = new Map<string, string>();
  for (const field of list(record.controlfield)) control.set(String(node(field)['@tag'] ?? ''), text(field));
  const data = list(record.datafield).map((field) => ({
    tag: String(node(field)['@tag'] ?? ''),
    subfields: list(node(field).subfield).map((s) => ({
      code: String(node(s)['@code'] ?? ''),
      value: text(s),
    })),
  }));
  return { leader: text(record.leader), control, data };
}

export class SruCatalog implements CatalogSource {
  constructor(private readonly options: SruCatalogOptions) {}

  async search(query: CatalogQuery): Promise<CatalogRecord[]> {
    const cql = buildCql(query);
    if (!cql) return [];
    let records = await this.searchRetrieve(cql);
    // A typo in one word empties an "and" query: ask again for any word and let the scorer decide.
    if (records.length === 0 && cql.includes(' and '))
      records = await this.searchRetrieve(buildCql(query, 'or') ?? cql);
    const terms = { keywords: query.keywords, title: query.title, author: query.author };
    return records
      .filter((record) => !query.format || record.format === query.format)
      .map((record) => ({ record, score: scoreRecord(record, terms) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.record.title.localeCompare(b.record.title))
      .slice(0, query.limit ?? 10)
      .map((hit) => hit.record);
  }

  /** explain: the server answers SRU at all. */
  async checkReachable(): Promise<void> {
    const document = await this.get({ operation: 'explain', version: '1.2' });
    if (!('explainResponse' in document)) throw new SruError('the SRU server gave no explain response');
  }

  private async searchRetrieve(cql: string): Promise<CatalogRecord[]> {
    const document = await this.get({
      operation: 'searchRetrieve',
      version: '1.2',
      query: cql,
      maximumRecords: String(this.options.maximumRecords ?? 20),
      recordSchema: 'marcxml',
    });
    if (!('searchRetrieveResponse' in document))
      throw new SruError('the SRU server sent no searchRetrieve response');
    const response = node(document.searchRetrieveResponse);
    const diagnostics = list(node(response.diagnostics).diagnostic);
    if (diagnostics.length > 0) {
      throw new SruError(
        `SRU diagnostic: ${text(node(diagnostics[0]).message) || text(node(diagnostics[0]).uri)}`,
      );
    }
    return list(node(response.records).record)
      .map((entry) => this.marcOf(node(entry)))
      .filter((record): record is MarcRecord => record !== undefined)
      .map((record) => this.toCatalogRecord(record));
  }

  /** recordData holds MARCXML as elements (packing "xml") or as escaped text (packing "string"). */
  private marcOf(entry: XmlNode): MarcRecord | undefined {
    const data = entry.recordData;
    if (typeof data === 'string') {
      const inner = parser.parse(data) as XmlNode;
      const record = list(inner.record)[0];
      return record ? parseMarcRecord(record) : undefined;
    }
    const record = list(node(data).record)[0];
    return record ? parseMarcRecord(record) : undefined;
  }

  private toCatalogRecord(record: MarcRecord): CatalogRecord {
    const copies = marcCopies(record, this.options.holdings);
    const lendable = copies.filter((c) => !c.notForLoan);
    const onShelf = lendable.filter((c) => !c.checkedOut);
    const format = marcFormat(record);
    const title = marcTitle(record);
    const author = marcAuthor(record);
    const chosen = onShelf[0] ?? lendable[0] ?? copies[0];
    return {
      recordId: chosen?.barcode ?? marcId(record),
      workKey: `${title.toLowerCase()}|${author.toLowerCase()}`,
      title,
      author,
      year: marcYear(record),
      format,
      subjects: marcSubjects(record),
      holdable: lendable.length > 0 && format !== 'ebook',
      copies: copies.length,
      availableCopies: onShelf.length,
      ...(chosen?.callNumber ? { callNumber: chosen.callNumber } : {}),
    };
  }

  private async get(parameters: Record<string, string>): Promise<XmlNode> {
    const url = new URL(this.options.url);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/xml, text/xml' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new SruError(`the SRU server at ${url.host} did not answer (${(error as Error).name})`);
    }
    if (!response.ok) throw new SruError(`the SRU server at ${url.host} answered HTTP ${response.status}`);
    const body = await response.text();
    try {
      return parser.parse(body) as XmlNode;
    } catch {
      throw new SruError(`the SRU server at ${url.host} sent something that is not XML`);
    }
  }
}
