// The SIP2 connector talking to the SIP2 server double over real TCP, as a contract-suite world.
import { SruCatalog } from '../../library/librarySystem/sru/sruCatalog';
import { SruServerDouble } from '../sru/sruServerDouble';
import {
  Sip2LibrarySystem,
  type Sip2Branch,
  type Sip2LibrarySystemOptions,
} from '../../library/librarySystem/sip2/sip2LibrarySystem';
import type { LibrarySystemWorld } from '../librarySystem/librarySystemContract';
import { Sip2ServerDouble, type Sip2DoubleOptions } from './sip2ServerDouble';

/** The double's "now": the same Tuesday afternoon in Riverbend as the demo's. */
export const sip2Now = new Date('2026-03-10T20:00:00Z');

export const sip2Branches: Sip2Branch[] = [
  { id: 'main', name: 'Main Library', kind: 'building', ilsCode: 'MAIN' },
  { id: 'eastside', name: 'Eastside Branch', kind: 'building', ilsCode: 'EAST' },
  { id: 'riverside', name: 'Riverside Branch', kind: 'building', ilsCode: 'RIVER' },
  { id: 'oak-hill', name: 'Oak Hill Branch', kind: 'building', ilsCode: 'OAK' },
  { id: 'bookmobile', name: 'Bookmobile', kind: 'bookmobile', ilsCode: 'BOOKMOBILE' },
];

export const sip2Login = { user: 'bot', password: 'secret' };

export interface Sip2WorldOptions {
  double?: Sip2DoubleOptions;
  connector?: Partial<Sip2LibrarySystemOptions>;
  /** Search the catalog over SRU (an SRU double over HTTP with Koha-style 952 holdings). */
  catalog?: boolean;
}

export interface Sip2World extends LibrarySystemWorld {
  system: Sip2LibrarySystem;
  double: Sip2ServerDouble;
}

export function sip2Connector(double: Sip2ServerDouble, options: Partial<Sip2LibrarySystemOptions> = {}) {
  return new Sip2LibrarySystem({
    host: '127.0.0.1',
    port: double.port,
    tls: false,
    institution: 'RIVERBEND',
    locationCode: 'BOT',
    login: sip2Login,
    encoding: 'utf8',
    errorDetection: true,
    timeoutMs: 2000,
    branches: sip2Branches,
    timeZone: 'America/Chicago',
    vendor: 'koha',
    backoff: { initialMs: 5, maxMs: 50 },
    now: () => sip2Now,
    ...options,
  });
}

export async function openSip2World(options: Sip2WorldOptions = {}): Promise<Sip2World> {
  const double = await Sip2ServerDouble.start({ now: () => sip2Now, login: sip2Login, ...options.double });
  const sru = options.catalog ? await SruServerDouble.start() : undefined;
  const catalog = sru
    ? new SruCatalog({
        url: sru.url,
        holdings: { tag: '952', barcode: 'p', branch: 'a', callNumber: 'o' },
        timeoutMs: 2000,
      })
    : undefined;
  const system = sip2Connector(double, { catalog, ...options.connector });
  return {
    system,
    double,
    patrons: {
      withHolds: {
        card: '23000000000011',
        pin: '1111',
        name: 'Zoë Núñez',
        homeBranchId: 'main',
        holds: [
          {
            title: 'The Lighthouse Keeper',
            pickupBranchId: 'eastside',
            status: { state: 'ready', pickUpBy: '2026-03-14' },
          },
          { title: 'Winter Orchard', pickupBranchId: '', status: { state: 'waiting' } },
          { title: 'Salt and Tide', pickupBranchId: '', status: { state: 'in-transit' } },
        ],
      },
      noHolds: { card: '23000000000012', pin: '2222', name: 'Dev Patel', homeBranchId: 'eastside' },
      blocked: {
        card: '23000000000013',
        pin: '3333',
        name: 'Marta Kowalski',
        homeBranchId: 'riverside',
        blocks: [{ kind: 'fines', description: '$18.75 in unpaid fines' }],
        checkouts: [
          {
            title: 'Glass Harbor',
            dueDate: '2026-02-26',
            overdue: true,
            renewal: { state: 'not-renewable', reason: 'patron-blocked' },
            renewOutcome: 'patron-blocked',
          },
        ],
        fines: {
          totalCents: 1875,
          lines: [
            { kind: 'overdue', description: 'Overdue fine', title: 'Glass Harbor', amountCents: 375 },
            { kind: 'lost', description: 'Lost item replacement', title: 'Paper Moon', amountCents: 1500 },
          ],
        },
      },
      atHoldLimit: {
        card: '23000000000014',
        pin: '4444',
        name: 'Lee Chan',
        homeBranchId: 'oak-hill',
        holdLimit: 2,
      },
      borrower: {
        card: '23000000000015',
        pin: '5555',
        name: 'Sam Rivera',
        homeBranchId: 'riverside',
        checkouts: [
          {
            title: 'The Quiet Cartographer',
            dueDate: '2026-03-08',
            overdue: true,
            renewal: { state: 'unknown' },
            renewOutcome: 'renewed',
          },
          {
            title: 'Burning Season',
            dueDate: '2026-03-11',
            overdue: false,
            renewal: { state: 'unknown' },
            renewOutcome: 'renewal-limit',
          },
          {
            title: 'Hidden Garden',
            dueDate: '2026-03-14',
            overdue: false,
            renewal: { state: 'not-renewable', reason: 'on-hold-for-others' },
            renewOutcome: 'on-hold-for-others',
          },
          {
            title: 'Golden Bridge',
            dueDate: '2026-03-19',
            overdue: false,
            renewal: { state: 'unknown' },
            renewOutcome: 'renewed',
          },
        ],
        fines: {
          totalCents: 200,
          lines: [{ kind: 'card', description: 'Replacement card fee', title: '', amountCents: 200 }],
        },
      },
    },
    renewedDueDate: '2026-03-24',
    unknownCard: '23999999999999',
    records: {
      holdable: { recordId: '39000000000201', title: 'Midsummer Archive' },
      notHoldable: [
        { recordId: '39000000000202', reason: 'library-use-only' },
        { recordId: '39999999999999', reason: 'unknown-record' },
      ],
    },
    // The SRU double's MARC titles are in catalogue (sentence) case.
    searches: [
      { query: { title: 'Midsummer Archive' }, title: 'Midsummer archive', author: 'Ines Varga' },
      { query: { author: 'Amelia Thorne' }, title: 'The lighthouse keeper', author: 'Amelia Thorne' },
      { query: { keywords: 'lighthouse' }, title: 'The lighthouse keeper: a novel', author: 'Amelia Thorne' },
    ],
    pickupLocations: ['main', 'eastside', 'riverside', 'oak-hill'],
    notPickupLocations: ['bookmobile', 'nowhere'],
    takeDown: async () => {
      await double.close();
    },
    cleanup: async () => {
      system.close();
      await sru?.close();
      await double.close().catch(() => undefined);
    },
  };
}
