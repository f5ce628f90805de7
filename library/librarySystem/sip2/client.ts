// SIP2 requests and their replies as plain objects: 93 login, 99 status, 63 patron information,
// 15 hold, 29 renew, 65 renew all, 17 item information, 35 end session. Pure Node (no Bot Framework
// types); the LibrarySystem mapping lives in sip2LibrarySystem.ts.
import { DateTime } from 'luxon';
import type { Sip2Connection } from './connection';
import {
  field,
  fields,
  formatMessage,
  formatSip2Date,
  parseSip2Date,
  type Sip2Date,
  type Sip2Field,
  type Sip2Message,
} from './message';
import type { Sip2Pool } from './pool';

/** The 14 patron status flags of 24 and 64, by position. */
export interface PatronStatusFlags {
  chargeDenied: boolean;
  renewalDenied: boolean;
  recallDenied: boolean;
  holdDenied: boolean;
  cardReportedLost: boolean;
  tooManyCharged: boolean;
  tooManyOverdue: boolean;
  tooManyRenewals: boolean;
  tooManyClaimsReturned: boolean;
  tooManyLost: boolean;
  excessiveFines: boolean;
  excessiveFees: boolean;
  recallOverdue: boolean;
  tooManyBilled: boolean;
}

const flagNames: (keyof PatronStatusFlags)[] = [
  'chargeDenied',
  'renewalDenied',
  'recallDenied',
  'holdDenied',
  'cardReportedLost',
  'tooManyCharged',
  'tooManyOverdue',
  'tooManyRenewals',
  'tooManyClaimsReturned',
  'tooManyLost',
  'excessiveFines',
  'excessiveFees',
  'recallOverdue',
  'tooManyBilled',
];

export type SummaryList = 'hold' | 'overdue' | 'charged' | 'fine' | 'recall' | 'unavailable-hold';
const summaryPositions: SummaryList[] = ['hold', 'overdue', 'charged', 'fine', 'recall', 'unavailable-hold'];

export interface PatronInformation {
  flags: PatronStatusFlags;
  counts: Record<SummaryList, number>;
  /** BL: the patron exists. */
  validPatron: boolean;
  /** CQ: the PIN was right (undefined when no PIN was sent or the server did not say). */
  validPassword: boolean | undefined;
  name: string;
  /** AQ: home library code (Koha, Evergreen), when sent. */
  homeLocation: string | undefined;
  holdLimit: number | undefined;
  /** BV and BH. */
  feeAmount: string | undefined;
  currency: string | undefined;
  /** The list asked for in the summary (AS, AT, AU, AV, BU or CD values). */
  items: string[];
  screenMessage: string;
}

export interface HoldReply {
  ok: boolean;
  available: boolean;
  queuePosition: number | undefined;
  pickupLocation: string | undefined;
  expiration: Sip2Date | undefined;
  itemId: string | undefined;
  titleId: string | undefined;
  screenMessage: string;
}

export interface RenewReply {
  ok: boolean;
  renewalOk: boolean;
  itemId: string | undefined;
  titleId: string | undefined;
  dueDate: Sip2Date | undefined;
  screenMessage: string;
}

export interface RenewAllReply {
  ok: boolean;
  renewed: string[];
  unrenewed: string[];
  screenMessage: string;
}

export interface ItemInformation {
  /** 01 other, 02 on order, 03 available, 04 charged, 05 charged; not to be recalled, 06 in process,
   *  07 recalled, 08 waiting on hold shelf, 09 waiting to be re-shelved, 10 in transit, 11 claimed
   *  returned, 12 lost, 13 missing. */
  circulationStatus: string;
  itemId: string;
  title: string;
  mediaType: string | undefined;
  dueDate: Sip2Date | undefined;
  holdQueueLength: number | undefined;
  holdPickupDate: Sip2Date | undefined;
  currentLocation: string | undefined;
  permanentLocation: string | undefined;
  /** BS, sent by some servers for an item held for a patron. */
  pickupLocation: string | undefined;
  screenMessage: string;
}

export interface AcsStatus {
  online: boolean;
  /** BX: which of the 16 messages the server supports, when it says. */
  supports: (message: 'hold' | 'renew' | 'renew-all' | 'item-information' | 'end-session') => boolean;
}

export interface Sip2ClientOptions {
  institution: string;
  timeZone: string;
  now?: () => Date;
}

const yes = (value: string | undefined) => value === 'Y';

export class Sip2Client {
  private readonly now: () => Date;

  constructor(
    private readonly pool: Sip2Pool,
    private readonly options: Sip2ClientOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** 93: logs a new connection in (the pool's connect step calls it). */
  static async login(
    connection: Sip2Connection,
    login: { user: string; password: string; locationCode?: string },
  ): Promise<boolean> {
    const reply = await connection.send(
      formatMessage('93', '00', [
        { id: 'CN', value: login.user },
        { id: 'CO', value: login.password },
        ...(login.locationCode ? [{ id: 'CP', value: login.locationCode }] : []),
      ]),
    );
    return reply.fixed === '1';
  }

  /** 99 on a given connection: whether the server is online and which messages it supports. */
  static async status(connection: Sip2Connection): Promise<AcsStatus> {
    const reply = await connection.send(formatMessage('99', '0' + '080' + '2.00', []));
    const supported = field(reply, 'BX');
    const position = { hold: 13, renew: 14, 'renew-all': 15, 'item-information': 10, 'end-session': 8 };
    return {
      online: reply.fixed[0] === 'Y',
      supports: (message) =>
        !supported || supported.length <= position[message] || supported[position[message]] === 'Y',
    };
  }

  async scStatus(): Promise<AcsStatus> {
    return this.pool.run((connection) => Sip2Client.status(connection), true);
  }

  async patronInformation(
    card: string,
    options: { pin?: string; list?: SummaryList } = {},
  ): Promise<PatronInformation> {
    const summary = summaryPositions.map((name) => (name === options.list ? 'Y' : ' ')).join('') + '    ';
    const reply = await this.read(
      formatMessage('63', `001${this.date()}${summary}`, [
        this.institutionField(),
        { id: 'AA', value: card },
        { id: 'AC', value: '' },
        ...(options.pin !== undefined ? [{ id: 'AD', value: options.pin }] : []),
        ...(options.list
          ? [
              { id: 'BP', value: '1' },
              { id: 'BQ', value: '500' },
            ]
          : []),
      ]),
    );
    const listField: Record<SummaryList, string> = {
      hold: 'AS',
      overdue: 'AT',
      charged: 'AU',
      fine: 'AV',
      recall: 'BU',
      'unavailable-hold': 'CD',
    };
    const counts = Object.fromEntries(
      summaryPositions.map((name, i) => [name, Number(reply.fixed.slice(35 + i * 4, 39 + i * 4)) || 0]),
    ) as Record<SummaryList, number>;
    const cq = field(reply, 'CQ');
    const limit = field(reply, 'BZ');
    return {
      flags: parseFlags(reply.fixed.slice(0, 14)),
      counts,
      validPatron: yes(field(reply, 'BL')),
      validPassword: cq === undefined ? undefined : yes(cq),
      name: field(reply, 'AE') ?? '',
      homeLocation: field(reply, 'AQ') || undefined,
      holdLimit: limit && /^\d+$/.test(limit.trim()) ? Number(limit) : undefined,
      feeAmount: field(reply, 'BV') || undefined,
      currency: field(reply, 'BH') || undefined,
      items: options.list ? fields(reply, listField[options.list]).filter((item) => item.trim() !== '') : [],
      screenMessage: fields(reply, 'AF').join(' ').trim(),
    };
  }

  /** 15: `+` place, `-` cancel, `*` change. Hold type 2 is "any copy of the title". */
  async hold(
    mode: '+' | '-' | '*',
    card: string,
    target: { itemId?: string; titleId?: string; pickupLocation?: string; holdType?: string },
  ): Promise<HoldReply> {
    const optional: Sip2Field[] = [];
    if (target.pickupLocation) optional.push({ id: 'BS', value: target.pickupLocation });
    if (target.holdType) optional.push({ id: 'BY', value: target.holdType });
    const reply = await this.write(
      formatMessage('15', `${mode}${this.date()}`, [
        ...optional,
        this.institutionField(),
        { id: 'AA', value: card },
        ...(target.itemId !== undefined ? [{ id: 'AB', value: target.itemId }] : []),
        ...(target.titleId !== undefined ? [{ id: 'AJ', value: target.titleId }] : []),
        { id: 'AC', value: '' },
        { id: 'BO', value: 'N' },
      ]),
    );
    const position = field(reply, 'BR');
    return {
      ok: reply.fixed[0] === '1',
      available: reply.fixed[1] === 'Y',
      queuePosition: position && /^\d+$/.test(position.trim()) ? Number(position) : undefined,
      pickupLocation: field(reply, 'BS') || undefined,
      expiration: parseSip2Date(field(reply, 'BW')),
      itemId: field(reply, 'AB') || undefined,
      titleId: field(reply, 'AJ') || undefined,
      screenMessage: fields(reply, 'AF').join(' ').trim(),
    };
  }

  /** 29: renews one item (no third party, blocks honoured). */
  async renew(card: string, itemId: string): Promise<RenewReply> {
    const reply = await this.write(
      formatMessage('29', `NN${this.date()}${' '.repeat(18)}`, [
        this.institutionField(),
        { id: 'AA', value: card },
        { id: 'AC', value: '' },
        { id: 'AB', value: itemId },
        { id: 'BO', value: 'N' },
      ]),
    );
    return {
      ok: reply.fixed[0] === '1',
      renewalOk: reply.fixed[1] === 'Y',
      itemId: field(reply, 'AB') || undefined,
      titleId: field(reply, 'AJ') || undefined,
      dueDate: parseSip2Date(field(reply, 'AH')),
      screenMessage: fields(reply, 'AF').join(' ').trim(),
    };
  }

  /** 65: renews everything the patron has out, as the ILS's own policy allows. */
  async renewAll(card: string): Promise<RenewAllReply> {
    const reply = await this.write(
      formatMessage('65', this.date(), [
        this.institutionField(),
        { id: 'AA', value: card },
        { id: 'AC', value: '' },
        { id: 'BO', value: 'N' },
      ]),
    );
    return {
      ok: reply.fixed[0] === '1',
      renewed: fields(reply, 'BM'),
      unrenewed: fields(reply, 'BN'),
      screenMessage: fields(reply, 'AF').join(' ').trim(),
    };
  }

  async itemInformation(itemId: string): Promise<ItemInformation> {
    const reply = await this.read(
      formatMessage('17', this.date(), [
        this.institutionField(),
        { id: 'AB', value: itemId },
        { id: 'AC', value: '' },
      ]),
    );
    const queue = field(reply, 'CF');
    return {
      circulationStatus: reply.fixed.slice(0, 2),
      itemId: field(reply, 'AB') ?? itemId,
      title: field(reply, 'AJ') ?? '',
      mediaType: field(reply, 'CK') || undefined,
      dueDate: parseSip2Date(field(reply, 'AH')),
      holdQueueLength: queue && /^\d+$/.test(queue.trim()) ? Number(queue) : undefined,
      holdPickupDate: parseSip2Date(field(reply, 'CM')),
      currentLocation: field(reply, 'AP') || undefined,
      permanentLocation: field(reply, 'AQ') || undefined,
      pickupLocation: field(reply, 'BS') || undefined,
      screenMessage: fields(reply, 'AF').join(' ').trim(),
    };
  }

  /** 35: tells the ILS this patron's session is over (servers that keep one per patron). */
  async endSession(card: string): Promise<void> {
    await this.write(
      formatMessage('35', this.date(), [
        this.institutionField(),
        { id: 'AA', value: card },
        { id: 'AC', value: '' },
      ]),
    );
  }

  /** Reads are safe to run again on a fresh connection when the server dropped an idle one. */
  private read(text: string): Promise<Sip2Message> {
    return this.pool.run((connection) => connection.send(text), true);
  }

  private write(text: string): Promise<Sip2Message> {
    return this.pool.run((connection) => connection.send(text));
  }

  private institutionField(): Sip2Field {
    return { id: 'AO', value: this.options.institution };
  }

  /** Now in the library's time zone, as SIP2 dates are local. */
  private date(): string {
    const local = DateTime.fromJSDate(this.now(), { zone: this.options.timeZone });
    return formatSip2Date(local);
  }
}

function parseFlags(text: string): PatronStatusFlags {
  return Object.fromEntries(
    flagNames.map((name, i) => [name, text[i] === 'Y']),
  ) as unknown as PatronStatusFlags;
}
