// Reading the free text SIP2 servers send where the protocol has no field: screen messages (AF)
// that say why a hold or renewal was refused, fine item lines (AV), money amounts and media types.
// Patterns follow the wording of Koha, Evergreen and other SIP servers; anything unrecognised is
// 'other' / 'refused' rather than a guess.
import type { CatalogFormat, FeeKind, FeeLine, RenewRefusalReason } from '../librarySystem';

/** "42.50", "$42.50", "42,50", "-3.00" in cents; undefined when there is no amount. */
export function parseMoney(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /(-)?[$£€]?\s?(\d{1,7})(?:[.,](\d{1,2}))?(?!\d)/.exec(text);
  if (!match) return undefined;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export { formatMoney } from '../money';

export function renewRefusal(screenMessage: string): RenewRefusalReason {
  const text = screenMessage.toLowerCase();
  if (/on[_ ]?reserve|reserved|on hold|hold(s)? (queue|exist|pending)|requested by|another patron/.test(text))
    return 'on-hold-for-others';
  if (
    /too[_ ]?many|renewal limit|max(imum)? (number of )?renewals|no more renewals|renewals? exceeded/.test(
      text,
    )
  )
    return 'renewal-limit';
  if (/too[_ ]?soon|not yet|too early/.test(text)) return 'too-soon';
  if (/debt|fine|fee|block|restrict|barred|debarred|expired|suspend/.test(text)) return 'patron-blocked';
  if (/not (renewable|allowed)|cannot be renewed|no renewals? allowed|non-?renewable/.test(text))
    return 'not-renewable';
  return 'other';
}

export type HoldRefusal =
  'limit' | 'already' | 'blocked' | 'unknown-record' | 'library-use-only' | 'digital' | 'pickup' | 'refused';

export function holdRefusal(screenMessage: string): HoldRefusal {
  const text = screenMessage.toLowerCase();
  if (/already (has|have|on|placed)|duplicate|already (a )?hold/.test(text)) return 'already';
  if (/too[_ ]?many|limit|maximum/.test(text)) return 'limit';
  if (/pick ?up|location|branch/.test(text)) return 'pickup';
  if (/reference|library use|not for loan|notforloan|in-?house/.test(text)) return 'library-use-only';
  if (/e-?book|electronic|digital|online resource/.test(text)) return 'digital';
  if (/debt|fine|fee|block|restrict|barred|expired/.test(text)) return 'blocked';
  if (/(no|unknown|invalid) (such )?(item|title|record)|not found|does not exist/.test(text))
    return 'unknown-record';
  return 'refused';
}

/** SIP2 media type (CK) to the catalog's formats; books unless the code says otherwise. */
export function formatFromMediaType(mediaType: string | undefined): CatalogFormat {
  switch (mediaType) {
    case '004':
    case '006':
      return 'audiobook';
    case '005':
      return 'dvd';
    default:
      return 'book';
  }
}

/**
 * One AV fine item line. Koha's default template is "<description> <amount>"; other servers put the
 * amount first or add a fine id. A "Description: Title" description names the item.
 */
export function parseFineLine(line: string): Omit<FeeLine, 'chargedOn'> | undefined {
  const amountCents = parseMoney(lastAmount(line));
  if (amountCents === undefined) return undefined;
  const words = line
    .replace(/(^|\s)[$£€]?\d{1,7}[.,]\d{2}(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const [description, ...rest] = words.split(/:\s+/);
  return {
    kind: feeKind(words),
    description: description.trim() || 'Charge',
    title: rest.join(': ').trim(),
    amountCents,
  };
}

function lastAmount(line: string): string | undefined {
  const amounts = line.match(/[$£€]?\d{1,7}[.,]\d{2}(?=\s|$)/g);
  return amounts ? amounts[amounts.length - 1] : undefined;
}

function feeKind(text: string): FeeKind {
  const lower = text.toLowerCase();
  if (/overdue|late|\bfine\b/.test(lower)) return 'overdue';
  if (/process/.test(lower)) return 'processing';
  if (/lost|replacement cost|replace/.test(lower) && !/card/.test(lower)) return 'lost';
  if (/damage/.test(lower)) return 'damaged';
  if (/card/.test(lower)) return 'card';
  return 'other';
}
