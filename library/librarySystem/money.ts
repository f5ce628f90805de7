// Money as patrons read it. Library systems give amounts in cents with an ISO 4217 currency; this
// is the one place that turns them into "$42.50" (SIP2 block descriptions and the account
// conversations both use it).

const symbols: Record<string, string> = { USD: '$', CAD: '$', AUD: '$', NZD: '$', GBP: '£', EUR: '€' };

/** "$42.50" (or "42.50 CHF" for a currency without a symbol here). */
export function formatMoney(cents: number, currency = 'USD'): string {
  const amount = (cents / 100).toFixed(2);
  const symbol = symbols[currency.toUpperCase()];
  return symbol ? `${symbol}${amount}` : `${amount} ${currency}`;
}
