// Dates in the conversation's language: weekdays and months come from luxon with the language as its
// locale (`setLocale('es')` gives "jueves, 3 de diciembre"), so a catalog gives formats, not names.
import type { DateTime } from 'luxon';

/** Luxon's localised format tokens for a date in `language` (`format` as in DateTime.toFormat). */
export function formatDate(date: DateTime, language: string, format: string): string {
  return date.setLocale(language).toFormat(format);
}

/** The first letter in capitals ("jueves" starting a table cell). */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
