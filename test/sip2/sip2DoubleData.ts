// The SIP2 server double's own small library: patrons, items, holds, loans and fees, deliberately
// not the demo system's, so the contract suite proves itself on data it has never seen. Dates are
// days from the double's "today".

export interface DoublePatron {
  card: string;
  pin: string;
  name: string;
  home: string;
  holdLimit: number;
  /** Fee lines as "<description>: <title> <amount>" (Koha's default AV template). */
  fees: { description: string; title: string; cents: number }[];
  /** The ILS says this patron may not place holds or renew (excessive fines). */
  restricted: boolean;
}

export interface DoubleItem {
  barcode: string;
  title: string;
  /** SIP2 media type (CK). */
  media: string;
  home: string;
  notForLoan?: boolean;
  /** Loaned to (card), due in days from today, renewals used of the limit. */
  loan?: { card: string; dueIn: number; renewals: number };
}

export interface DoubleHold {
  card: string;
  barcode: string;
  pickup: string;
  /** On the hold shelf at `pickup` (until today + shelfDays), in transit to it, or waiting in line. */
  state: 'shelf' | 'transit' | 'waiting';
  shelfDays?: number;
}

export const renewalLimit = 2;
export const loanDays = 14;

export function doubleData(): { patrons: DoublePatron[]; items: DoubleItem[]; holds: DoubleHold[] } {
  const patrons: DoublePatron[] = [
    {
      card: '23000000000011',
      pin: '1111',
      name: 'Zoë Núñez',
      home: 'MAIN',
      holdLimit: 20,
      fees: [],
      restricted: false,
    },
    {
      card: '23000000000012',
      pin: '2222',
      name: 'Dev Patel',
      home: 'EAST',
      holdLimit: 20,
      fees: [],
      restricted: false,
    },
    {
      card: '23000000000013',
      pin: '3333',
      name: 'Marta Kowalski',
      home: 'RIVER',
      holdLimit: 20,
      fees: [
        { description: 'Overdue fine', title: 'Glass Harbor', cents: 375 },
        { description: 'Lost item replacement', title: 'Paper Moon', cents: 1500 },
      ],
      restricted: true,
    },
    {
      card: '23000000000014',
      pin: '4444',
      name: 'Lee Chan',
      home: 'OAK',
      holdLimit: 2,
      fees: [],
      restricted: false,
    },
    {
      card: '23000000000015',
      pin: '5555',
      name: 'Sam Rivera',
      home: 'RIVER',
      holdLimit: 20,
      fees: [{ description: 'Replacement card fee', title: '', cents: 200 }],
      restricted: false,
    },
    // Someone else who wants the item Sam Rivera has out.
    {
      card: '23000000000099',
      pin: '9999',
      name: 'Other Patron',
      home: 'MAIN',
      holdLimit: 20,
      fees: [],
      restricted: false,
    },
  ];
  const items: DoubleItem[] = [
    { barcode: '39000000000101', title: 'The Lighthouse Keeper', media: '001', home: 'EAST' },
    {
      barcode: '39000000000102',
      title: 'Winter Orchard',
      media: '001',
      home: 'MAIN',
      loan: { card: '23000000000099', dueIn: 6, renewals: 0 },
    },
    { barcode: '39000000000103', title: 'Salt and Tide', media: '006', home: 'RIVER' },
    {
      barcode: '39000000000104',
      title: 'The Clockmaker',
      media: '001',
      home: 'OAK',
      loan: { card: '23000000000099', dueIn: 3, renewals: 0 },
    },
    {
      barcode: '39000000000105',
      title: 'Distant Shore',
      media: '005',
      home: 'OAK',
      loan: { card: '23000000000099', dueIn: 8, renewals: 0 },
    },
    { barcode: '39000000000201', title: 'Midsummer Archive', media: '001', home: 'MAIN' },
    {
      barcode: '39000000000202',
      title: 'Riverbend County Atlas',
      media: '001',
      home: 'MAIN',
      notForLoan: true,
    },
    {
      barcode: '39000000000301',
      title: 'Glass Harbor',
      media: '001',
      home: 'RIVER',
      loan: { card: '23000000000013', dueIn: -12, renewals: 0 },
    },
    {
      barcode: '39000000000401',
      title: 'The Quiet Cartographer',
      media: '001',
      home: 'RIVER',
      loan: { card: '23000000000015', dueIn: -2, renewals: 0 },
    },
    {
      barcode: '39000000000402',
      title: 'Burning Season',
      media: '001',
      home: 'RIVER',
      loan: { card: '23000000000015', dueIn: 1, renewals: renewalLimit },
    },
    {
      barcode: '39000000000403',
      title: 'Hidden Garden',
      media: '004',
      home: 'MAIN',
      loan: { card: '23000000000015', dueIn: 4, renewals: 0 },
    },
    {
      barcode: '39000000000404',
      title: 'Golden Bridge',
      media: '001',
      home: 'EAST',
      loan: { card: '23000000000015', dueIn: 9, renewals: 1 },
    },
  ];
  const holds: DoubleHold[] = [
    { card: '23000000000011', barcode: '39000000000101', pickup: 'EAST', state: 'shelf', shelfDays: 4 },
    { card: '23000000000099', barcode: '39000000000102', pickup: 'MAIN', state: 'waiting' },
    { card: '23000000000011', barcode: '39000000000102', pickup: 'MAIN', state: 'waiting' },
    { card: '23000000000011', barcode: '39000000000103', pickup: 'MAIN', state: 'transit' },
    { card: '23000000000014', barcode: '39000000000104', pickup: 'OAK', state: 'waiting' },
    { card: '23000000000014', barcode: '39000000000105', pickup: 'OAK', state: 'waiting' },
    // Someone is waiting for Hidden Garden, which Sam Rivera has out.
    { card: '23000000000099', barcode: '39000000000403', pickup: 'MAIN', state: 'waiting' },
  ];
  return { patrons, items, holds };
}
