// Where SIP2 servers differ, per ILS. The preset is a starting point; at connect time the server's
// own list of supported messages (98, field BX) can only turn features off, never on.

export type Sip2Vendor = 'koha' | 'evergreen' | 'sierra' | 'polaris' | 'symphony' | 'folio' | 'other';

export interface Sip2Quirks {
  /** 15 with `+`. Evergreen's SIP server only cancels; FOLIO edge-sip2 has no hold message. */
  placeHold: boolean;
  /** 15 with `-`. */
  cancelHold: boolean;
  /** 15 with `*` and a new BS pickup location (Koha). */
  changePickup: boolean;
  /** 29 and 65 (FOLIO edge-sip2 has neither). */
  renew: boolean;
  /** 64's AS lists every hold, not only those on the shelf (Evergreen): ready = AS minus CD. */
  holdItemsIncludeUnavailable: boolean;
  /** 64's AS/CD carry titles rather than item barcodes (Evergreen unless msg64_hold_datatype=barcode). */
  holdListsAreTitles: boolean;
  /** Some servers send a `|` inside a value (a title or a screen message). */
  pipeInValues: boolean;
}

const base: Sip2Quirks = {
  placeHold: true,
  cancelHold: true,
  changePickup: false,
  renew: true,
  holdItemsIncludeUnavailable: false,
  holdListsAreTitles: false,
  pipeInValues: false,
};

export const vendorQuirks: Record<Sip2Vendor, Sip2Quirks> = {
  koha: { ...base, changePickup: true },
  evergreen: { ...base, placeHold: false, holdItemsIncludeUnavailable: true },
  sierra: { ...base },
  polaris: { ...base },
  symphony: { ...base },
  folio: { ...base, placeHold: false, cancelHold: false, renew: false },
  other: { ...base },
};
