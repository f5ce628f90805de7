// The library's time zone for luxon, with each offset looked up once per quarter hour. luxon asks
// Intl for the offset on every DateTime it makes (about a fifth of a millisecond for "now"); an
// offset only changes on a quarter-hour boundary in UTC (every zone's offset is a whole number of
// quarter hours, and so is every change), so a quarter hour's offset holds for all of it.
import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Enough quarter hours for years of look-ups around now; cleared, not grown, past it. */
const MAX_KEPT = 20_000;

export class LibraryTimeZone extends Zone {
  private readonly iana: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.iana = IANAZone.create(name);
  }

  override get type(): string {
    return this.iana.type;
  }

  override get name(): string {
    return this.iana.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.iana.isValid;
  }

  override offsetName(ts: number, options: { format?: 'short' | 'long'; locale?: string }): string | null {
    return this.iana.offsetName(ts, options as ZoneOffsetOptions);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.iana.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      if (this.offsets.size >= MAX_KEPT) this.offsets.clear();
      offset = this.iana.offset(ts);
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}
