// MARC 21 records (MARCXML) as the catalog needs them: title, author, year, format, subjects and the
// copies from a holdings field whose tag and subfields are configured (Koha 952 $p barcode $a branch
// $o call number; 852 for most others).
import type { CatalogFormat } from '../librarySystem';

export interface MarcRecord {
  leader: string;
  control: Map<string, string>;
  data: { tag: string; subfields: { code: string; value: string }[] }[];
}

export interface HoldingsLayout {
  tag: string;
  barcode: string;
  branch: string;
  callNumber?: string;
}

export interface MarcCopy {
  barcode: string;
  branch: string;
  callNumber: string;
  /** Koha 952 $7 "not for loan" (a non-zero value). */
  notForLoan: boolean;
  /** Koha 952 $q: the date due, so the copy is out. */
  checkedOut: boolean;
}

function first(record: MarcRecord, tag: string, code: string): string | undefined {
  for (const field of record.data) {
    if (field.tag !== tag) continue;
    const subfield = field.subfields.find((s) => s.code === code);
    if (subfield) return subfield.value;
  }
  return undefined;
}

/** MARC's closing punctuation (ISBD) off the end: "Midsummer archive /" -> "Midsummer archive". */
function trimPunctuation(text: string): string {
  return text.replace(/[\s/:;,.=]+$/, '').trim();
}

export function marcTitle(record: MarcRecord): string {
  const main = first(record, '245', 'a') ?? '';
  const rest = first(record, '245', 'b');
  return trimPunctuation(rest ? `${trimPunctuation(main)}: ${trimPunctuation(rest)}` : main);
}

/** "Varga, Ines, 1970-" -> "Ines Varga"; a corporate author or 245 $c as it is. */
export function marcAuthor(record: MarcRecord): string {
  const personal = first(record, '100', 'a');
  if (personal) {
    const name = trimPunctuation(personal);
    const parts = name.split(',').map((p) => p.trim());
    return parts.length === 2 && parts[1] ? `${parts[1]} ${parts[0]}` : name;
  }
  const corporate = first(record, '110', 'a') ?? first(record, '245', 'c');
  return corporate ? trimPunctuation(corporate) : '';
}

export function marcYear(record: MarcRecord): number {
  const published = first(record, '264', 'c') ?? first(record, '260', 'c') ?? '';
  const fromField = /(\d{4})/.exec(published);
  if (fromField) return Number(fromField[1]);
  const fixed = record.control.get('008') ?? '';
  const fromFixed = /^\d{4}$/.test(fixed.slice(7, 11)) ? Number(fixed.slice(7, 11)) : 0;
  return fromFixed;
}

/**
 * The format from RDA carrier type (338 $a) when present, else the leader's type of record and the
 * 008 form of item: e-books are online or electronic text, large print is form "d".
 */
export function marcFormat(record: MarcRecord): CatalogFormat {
  const carrier = (first(record, '338', 'a') ?? '').toLowerCase();
  if (carrier.includes('online')) return 'ebook';
  if (carrier.includes('audio')) return 'audiobook';
  if (carrier.includes('video')) return 'dvd';
  const type = record.leader[6];
  const form = (record.control.get('008') ?? '')[23];
  if (type === 'i' || type === 'j') return 'audiobook';
  if (type === 'g') return 'dvd';
  if (type === 'm' || form === 'o' || form === 's') return 'ebook';
  if (form === 'd') return 'large-print';
  return 'book';
}

export function marcSubjects(record: MarcRecord): string[] {
  return record.data
    .filter((f) => f.tag === '650' || f.tag === '651' || f.tag === '655')
    .map((f) => trimPunctuation(f.subfields.find((s) => s.code === 'a')?.value ?? ''))
    .filter((s) => s !== '');
}

export function marcCopies(record: MarcRecord, layout: HoldingsLayout): MarcCopy[] {
  return record.data
    .filter((f) => f.tag === layout.tag)
    .map((f) => {
      const value = (code: string | undefined) =>
        code ? (f.subfields.find((s) => s.code === code)?.value ?? '') : '';
      const notForLoan = layout.tag === '952' ? value('7') : '';
      return {
        barcode: value(layout.barcode).trim(),
        branch: value(layout.branch).trim(),
        callNumber: value(layout.callNumber).trim(),
        notForLoan: notForLoan !== '' && notForLoan !== '0',
        checkedOut: layout.tag === '952' && value('q') !== '',
      };
    })
    .filter((copy) => copy.barcode !== '');
}

/** The record's own id: 001, or Koha's biblionumber in 999 $c. */
export function marcId(record: MarcRecord): string {
  return record.control.get('001') ?? first(record, '999', 'c') ?? '';
}
