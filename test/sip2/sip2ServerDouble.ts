// A SIP2 server double: a real TCP (or TLS) server speaking the SIP2 wire format, backed by its own
// small library (sip2DoubleData.ts), behaving like Koha's SIP server by default (or Evergreen's or
// FOLIO edge-sip2's where they differ), with fault modes a client must survive. It parses and writes
// messages with its own code, not the client's codec, so the two check each other.
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { DateTime } from 'luxon';
import {
  doubleData,
  loanDays,
  renewalLimit,
  type DoubleHold,
  type DoubleItem,
  type DoublePatron,
} from './sip2DoubleData';

export interface Sip2DoubleOptions {
  /** A key and certificate to speak TLS. */
  tls?: { key: string; cert: string };
  /** Bytes on the wire: UTF-8, or Windows-1252 (written here as Latin-1, which covers the names used). */
  encoding?: 'utf8' | 'cp1252';
  login?: { user: string; password: string };
  vendor?: 'koha' | 'evergreen' | 'folio';
  timeZone?: string;
  now?: () => Date;
}

/** Faults the next replies will have; counters count down as they are used. */
export interface Sip2DoubleFaults {
  badChecksum: number;
  /** Answer this many requests with 96 (resend), whatever they were. */
  resend: number;
  garbage: number;
  /** Close the connection instead of answering this many requests (only those with `dropCode` when set). */
  drop: number;
  dropCode?: string;
  delayMs: number;
  /** Never answer. */
  hang: boolean;
  /** Write variable fields in reverse order. */
  fieldsOutOfOrder: boolean;
  /** Add fields the spec does not name (PA, PB, XI, ZZ). */
  vendorFields: boolean;
  /** Put a `|` inside personal names (a vendor quirk). */
  pipeInNames: boolean;
}

const requestFixed: Record<string, number> = {
  '93': 2,
  '99': 8,
  '23': 21,
  '63': 31,
  '15': 19,
  '29': 38,
  '65': 18,
  '17': 18,
  '35': 18,
  '97': 0,
};

const pickupCodes = ['MAIN', 'EAST', 'RIVER', 'OAK'];

interface Request {
  code: string;
  fixed: string;
  fields: Map<string, string[]>;
  sequence?: string;
}

interface ConnectionState {
  loggedIn: boolean;
  lastReply?: Buffer;
  /** Requests read on this connection and not yet answered (a client must keep this at one). */
  inFlight: number;
}

export class Sip2ServerDouble {
  readonly faults: Sip2DoubleFaults = {
    badChecksum: 0,
    resend: 0,
    garbage: 0,
    drop: 0,
    delayMs: 0,
    hang: false,
    fieldsOutOfOrder: false,
    vendorFields: false,
    pipeInNames: false,
  };
  readonly stats = { connections: 0, logins: 0, maxInFlight: 0, requests: new Map<string, number>() };
  /** Every request as received (raw text), for tests that check what went on the wire. */
  readonly received: string[] = [];
  readonly patrons: DoublePatron[];
  readonly items: DoubleItem[];
  holds: DoubleHold[];
  port = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly now: () => Date;

  private constructor(private readonly options: Sip2DoubleOptions) {
    const data = doubleData();
    this.patrons = data.patrons;
    this.items = data.items;
    this.holds = data.holds;
    this.now = options.now ?? (() => new Date());
    const onConnection = (socket: Socket) => this.accept(socket);
    this.server = options.tls
      ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, onConnection)
      : createTcpServer(onConnection);
  }

  static async start(options: Sip2DoubleOptions = {}): Promise<Sip2ServerDouble> {
    const double = new Sip2ServerDouble(options);
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    const address = double.server.address();
    double.port = typeof address === 'object' && address ? address.port : 0;
    return double;
  }

  count(code: string): number {
    return this.stats.requests.get(code) ?? 0;
  }

  /** Closes every open connection (as an ILS restart would) but keeps listening. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- Wire ----------------------------------------------------------------------------------

  private accept(socket: Socket): void {
    this.stats.connections += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const state: ConnectionState = { loggedIn: false, inFlight: 0 };
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      let end = buffer.indexOf(0x0d);
      while (end >= 0) {
        const line = buffer.subarray(0, end);
        buffer = buffer.subarray(end + 1);
        this.onLine(socket, state, line);
        end = buffer.indexOf(0x0d);
      }
    });
  }

  private decode(bytes: Buffer): string {
    return this.options.encoding === 'cp1252' ? bytes.toString('latin1') : bytes.toString('utf8');
  }

  private encode(text: string): Buffer {
    return this.options.encoding === 'cp1252' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
  }

  private onLine(socket: Socket, state: ConnectionState, bytes: Buffer): void {
    const text = this.decode(bytes).replace(/^\n+/, '');
    this.received.push(text);
    const code = text.slice(0, 2);
    this.stats.requests.set(code, (this.stats.requests.get(code) ?? 0) + 1);
    if (code === '97') {
      if (state.lastReply) socket.write(state.lastReply);
      return;
    }
    state.inFlight += 1;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, state.inFlight);
    const done = () => (state.inFlight = Math.max(0, state.inFlight - 1));
    const trailer = /AY(\d)AZ([0-9A-F]{4})$/.exec(text);
    if (trailer && sumCheck(bytes.subarray(0, bytes.lastIndexOf('AZ') + 2)) !== trailer[2]) {
      done();
      socket.write(this.encode('96\r'));
      return;
    }
    if (this.faults.resend > 0) {
      this.faults.resend -= 1;
      done();
      socket.write(this.encode('96\r'));
      return;
    }
    if (this.faults.drop > 0 && (!this.faults.dropCode || this.faults.dropCode === code)) {
      this.faults.drop -= 1;
      socket.destroy();
      return;
    }
    if (this.faults.hang) return;
    const request = parseRequest(trailer ? text.slice(0, trailer.index) : text, trailer?.[1]);
    if (!request) return void done();
    if (!state.loggedIn && code !== '93' && code !== '99') {
      // Like several real servers: anything but login or status first drops the connection.
      socket.destroy();
      return;
    }
    const reply = this.answer(request, state);
    if (reply === undefined) return void done();
    const { bytesOut, good } = this.finish(reply, request.sequence);
    // Asked to resend (97), a server sends its last message as it meant it.
    state.lastReply = good;
    const send = () => {
      done();
      if (!socket.destroyed) socket.write(bytesOut);
    };
    if (this.faults.delayMs > 0) setTimeout(send, this.faults.delayMs);
    else send();
  }

  /** Adds the faults asked for, AY/AZ when the request had them, and the CR. */
  private finish(reply: string, sequence: string | undefined): { bytesOut: Buffer; good: Buffer } {
    let text = this.rearrange(reply).split('\u0001').join('|');
    let corrupted = text;
    if (sequence !== undefined) {
      text += `AY${sequence}AZ`;
      const sum = sumCheck(this.encode(text));
      corrupted = text + (sum === '0000' ? '0001' : '0000');
      text += sum;
    }
    const good = this.encode(`${text}\r`);
    if (this.faults.garbage > 0) {
      this.faults.garbage -= 1;
      return { bytesOut: this.encode('\u0000#garbage from a confused server#\r'), good };
    }
    if (this.faults.badChecksum > 0 && sequence !== undefined) {
      this.faults.badChecksum -= 1;
      return { bytesOut: this.encode(`${corrupted}\r`), good };
    }
    return { bytesOut: good, good };
  }

  private rearrange(reply: string): string {
    const fixedLength = replyFixed[reply.slice(0, 2)] ?? 0;
    const head = reply.slice(0, 2 + fixedLength);
    let fields = reply
      .slice(2 + fixedLength)
      .split('|')
      .filter((f) => f !== '');
    if (this.faults.vendorFields)
      fields = ['PAvendor value', 'XI42', ...fields, 'ZZlocal extension', 'PB19800101'];
    if (this.faults.fieldsOutOfOrder) fields = fields.reverse();
    return head + fields.map((f) => `${f}|`).join('');
  }

  // ---- Messages ------------------------------------------------------------------------------

  private answer(request: Request, state: ConnectionState): string | undefined {
    const one = (id: string) => request.fields.get(id)?.[0];
    switch (request.code) {
      case '93': {
        const expected = this.options.login ?? { user: 'bot', password: 'secret' };
        state.loggedIn = one('CN') === expected.user && one('CO') === expected.password;
        if (state.loggedIn) this.stats.logins += 1;
        return `94${state.loggedIn ? '1' : '0'}`;
      }
      case '99':
        return this.acsStatus();
      case '63':
        return this.patronInformation(request);
      case '17':
        return this.itemInformation(one('AB') ?? '');
      case '15':
        return this.hold(request);
      case '29':
        return this.renew(one('AA') ?? '', one('AB') ?? '');
      case '65':
        return this.renewAll(one('AA') ?? '');
      case '35':
        return `36Y${this.date()}AO${one('AO') ?? ''}|AA${one('AA') ?? ''}|`;
      default:
        return undefined;
    }
  }

  private acsStatus(): string {
    // BX: patron status, checkout, checkin, block, status, resend, login, patron info, end session,
    // fee paid, item info, item status update, patron enable, hold, renew, renew all.
    const supported = this.options.vendor === 'folio' ? 'YYYNYYYYYYYYYNNN' : 'YYYYYYYYYYYYYYYY';
    return `98YYYYNN030003${this.date()}2.00AORIVERBEND|AMRiverbend test ILS|BX${supported}|AFWelcome|`;
  }

  private patronInformation(request: Request): string {
    const card = request.fields.get('AA')?.[0] ?? '';
    const pin = request.fields.get('AD')?.[0];
    const patron = this.patrons.find((p) => p.card === card);
    const institution = `AO${request.fields.get('AO')?.[0] ?? ''}|`;
    if (!patron) {
      return `64YYYY          001${this.date()}${'0000'.repeat(6)}${institution}AA${card}|AE|BLN|${pin !== undefined ? 'CQN|' : ''}`;
    }
    const summary = request.fixed.slice(21, 31);
    const holds = this.holds.filter((h) => h.card === card);
    const shelf = holds.filter((h) => h.state === 'shelf');
    const unavailable = holds.filter((h) => h.state !== 'shelf');
    const loans = this.items.filter((i) => i.loan?.card === card);
    const overdue = loans.filter((i) => (i.loan?.dueIn ?? 0) < 0);
    const owed = patron.fees.reduce((sum, fee) => sum + fee.cents, 0);
    const evergreen = this.options.vendor === 'evergreen';
    const listed = evergreen ? holds : shelf;
    const flags = patron.restricted ? 'YYYY      Y   ' : ' '.repeat(14);
    const counts = [listed.length, overdue.length, loans.length, patron.fees.length, 0, unavailable.length]
      .map((n) => String(n).padStart(4, '0'))
      .join('');
    // \u0001 stands for a "|" inside the value until the message is put together.
    const name = this.faults.pipeInNames ? patron.name.split(' ').reverse().join(' \u0001 ') : patron.name;
    let text = `64${flags}001${this.date()}${counts}${institution}AA${card}|AE${name}|BZ${String(patron.holdLimit).padStart(4, '0')}|`;
    text += `BLY|${pin !== undefined ? `CQ${pin === patron.pin ? 'Y' : 'N'}|` : ''}BHUSD|BV${(owed / 100).toFixed(2)}|CC10.00|`;
    if (summary[0] === 'Y') text += listed.map((h) => `AS${h.barcode}|`).join('');
    if (summary[1] === 'Y') text += overdue.map((i) => `AT${i.barcode}|`).join('');
    if (summary[2] === 'Y') text += loans.map((i) => `AU${i.barcode}|`).join('');
    if (summary[3] === 'Y') {
      text += patron.fees
        .map(
          (fee) =>
            `AV${fee.description}${fee.title ? `: ${fee.title}` : ''} ${(fee.cents / 100).toFixed(2)}|`,
        )
        .join('');
    }
    if (summary[5] === 'Y') text += unavailable.map((h) => `CD${h.barcode}|`).join('');
    return `${text}AQ${patron.home}|AFGreetings from the test ILS.|`;
  }

  private itemInformation(barcode: string): string {
    const item = this.items.find((i) => i.barcode === barcode);
    if (!item) return `18010101${this.date()}AB${barcode}|AJ|`;
    const holds = this.holds.filter((h) => h.barcode === barcode);
    const shelf = holds.find((h) => h.state === 'shelf');
    const transit = holds.find((h) => h.state === 'transit');
    const status = item.loan ? '04' : shelf ? '08' : transit ? '10' : '03';
    let text = `18${status}0001${this.date()}AB${item.barcode}|AJ${item.title}|CK${item.media}|AQ${item.home}|`;
    text += `AP${shelf ? shelf.pickup : item.home}|`;
    const waiting = holds.filter((h) => h.state === 'waiting').length;
    if (waiting > 0) text += `CF${waiting}|`;
    if (item.loan) text += `AH${this.date(item.loan.dueIn, '235900')}|`;
    if (shelf) text += `CM${this.date(shelf.shelfDays ?? 7, '000000')}|`;
    return text;
  }

  private hold(request: Request): string {
    const one = (id: string) => request.fields.get(id)?.[0];
    const mode = request.fixed[0];
    const card = one('AA') ?? '';
    const barcode = one('AB') ?? '';
    const pickup = one('BS');
    const patron = this.patrons.find((p) => p.card === card);
    const item = this.items.find((i) => i.barcode === barcode);
    const fail = (message: string) => `160N${this.date()}AA${card}|AO${one('AO') ?? ''}|AF${message}|`;
    const own = this.holds.find((h) => h.card === card && h.barcode === barcode);
    if (!patron) return fail('Invalid patron');
    if (mode === '-') {
      if (!own) return fail('No such hold');
      this.holds = this.holds.filter((h) => h !== own);
      return `161N${this.date()}AA${card}|AB${barcode}|AO${one('AO') ?? ''}|`;
    }
    if (mode === '*') {
      if (!own) return fail('No such hold');
      if (own.state === 'shelf') return fail('Hold is waiting for pickup and cannot be changed');
      if (!pickup || !pickupCodes.includes(pickup)) return fail('Invalid pickup location');
      own.pickup = pickup;
      return `161N${this.date()}AA${card}|BS${pickup}|AB${barcode}|AJ${item?.title ?? ''}|AO${one('AO') ?? ''}|`;
    }
    if (this.options.vendor === 'evergreen') return fail('Hold placement is not supported');
    if (patron.restricted) return fail('Patron has debt: fines exceed the limit');
    if (!item) return fail('No such item');
    if (item.notForLoan) return fail('Item is not for loan');
    if (!pickup || !pickupCodes.includes(pickup)) return fail('Invalid pickup location');
    if (own) return fail('Patron already has a hold on this item');
    if (this.holds.filter((h) => h.card === card).length >= patron.holdLimit) return fail('Too many holds');
    this.holds.push({ card, barcode, pickup, state: 'waiting' });
    const position = this.holds.filter((h) => h.barcode === barcode && h.state === 'waiting').length;
    const available = !item.loan ? 'Y' : 'N';
    // Koha's field order: patron first, institution near the end.
    return `161${available}${this.date()}AA${card}|BW${this.date(365, '000000')}|BR${position}|BS${pickup}|AB${barcode}|AJ${item.title}|AO${one('AO') ?? ''}|`;
  }

  private renewRefusal(card: string, item: DoubleItem | undefined): string | undefined {
    const patron = this.patrons.find((p) => p.card === card);
    if (!patron) return 'Invalid patron';
    if (!item || item.loan?.card !== card) return 'Item not checked out to this patron';
    if (patron.restricted) return 'Patron is restricted: debt';
    if (this.holds.some((h) => h.barcode === item.barcode && h.card !== card)) {
      return 'Item cannot be renewed: on_reserve';
    }
    if (item.loan.renewals >= renewalLimit) return 'Item cannot be renewed: too_many';
    return undefined;
  }

  private renew(card: string, barcode: string): string {
    const item = this.items.find((i) => i.barcode === barcode);
    const refusal = this.renewRefusal(card, item);
    if (refusal || !item?.loan) {
      return `300NUN${this.date()}AA${card}|AB${barcode}|AJ${item?.title ?? ''}|AH|AORIVERBEND|AF${refusal}|`;
    }
    item.loan.renewals += 1;
    item.loan.dueIn = loanDays;
    return `301YUN${this.date()}AA${card}|AB${barcode}|AJ${item.title}|AH${this.date(loanDays, '235900')}|CK${item.media}|AORIVERBEND|`;
  }

  private renewAll(card: string): string {
    const patron = this.patrons.find((p) => p.card === card);
    if (!patron || patron.restricted) return `66000000000${this.date()}AORIVERBEND|AFRenewals are blocked|`;
    const renewed: string[] = [];
    const unrenewed: string[] = [];
    for (const item of this.items.filter((i) => i.loan?.card === card)) {
      if (this.renewRefusal(card, item) || !item.loan) {
        unrenewed.push(item.barcode);
        continue;
      }
      item.loan.renewals += 1;
      item.loan.dueIn = loanDays;
      renewed.push(item.barcode);
    }
    const count = (n: number) => String(n).padStart(4, '0');
    return (
      `661${count(renewed.length)}${count(unrenewed.length)}${this.date()}AORIVERBEND|` +
      renewed.map((b) => `BM${b}|`).join('') +
      unrenewed.map((b) => `BN${b}|`).join('')
    );
  }

  /** Today (plus days) in the library's zone, as `YYYYMMDD    HHMMSS` (time given or now). */
  private date(plusDays = 0, time?: string): string {
    const local = DateTime.fromJSDate(this.now(), { zone: this.options.timeZone ?? 'America/Chicago' }).plus({
      days: plusDays,
    });
    return `${local.toFormat('yyyyLLdd')}    ${time ?? local.toFormat('HHmmss')}`;
  }
}

const replyFixed: Record<string, number> = {
  '94': 1,
  '98': 34,
  '64': 59,
  '16': 20,
  '30': 22,
  '66': 27,
  '18': 24,
  '36': 19,
};

function sumCheck(bytes: Uint8Array): string {
  let sum = 0;
  for (const byte of bytes) sum += byte;
  return ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

function parseRequest(text: string, sequence: string | undefined): Request | undefined {
  const code = text.slice(0, 2);
  const fixedLength = requestFixed[code];
  if (fixedLength === undefined) return undefined;
  const fields = new Map<string, string[]>();
  for (const part of text.slice(2 + fixedLength).split('|')) {
    if (part.length < 2) continue;
    const id = part.slice(0, 2);
    fields.set(id, [...(fields.get(id) ?? []), part.slice(2)]);
  }
  return { code, fixed: text.slice(2, 2 + fixedLength), fields, sequence };
}
