// Colour contrast (WCAG 2.1) for the library's configured colours: checked when the configuration is
// loaded, and used to derive the two colours the chat pages need besides the four configured ones.

export interface LibraryColours {
  primary: string;
  accent: string;
  background: string;
  text: string;
}

/** The configured colours plus the derived ones every chat page uses. */
export interface PageColours extends LibraryColours {
  /** Text on the primary colour (header, the patron's own messages): white or near-black. */
  onPrimary: string;
  /** Secondary text (times, hints): between text and background, still 4.5:1 on the background. */
  muted: string;
}

/** WCAG 2.1 minimum for normal text (1.4.3); focus rings and borders need 3:1 (1.4.11). */
export const TEXT_CONTRAST = 4.5;

const WHITE = '#ffffff';
const NEAR_BLACK = '#111111';

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `from` moved towards `to` by `share` (0 to 1), as `#rrggbb`. */
export function mixColours(from: string, to: string, share: number): string {
  const a = channels(from);
  const b = channels(to);
  return `#${a
    .map((c, i) => Math.round(c + (b[i] - c) * share))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The lightest shade of the text colour, towards the background, that still reads at 5:1 (a margin
 * over 4.5:1 for rounding in browsers); the text colour itself when it has no room to spare.
 */
function mutedTextColour(text: string, background: string): string {
  let best = text;
  for (let share = 0.05; share < 1; share += 0.05) {
    const candidate = mixColours(text, background, share);
    if (contrastRatio(candidate, background) < 5) break;
    best = candidate;
  }
  return best;
}

export function pageColours(colours: LibraryColours): PageColours {
  const onPrimary =
    contrastRatio(WHITE, colours.primary) >= contrastRatio(NEAR_BLACK, colours.primary) ? WHITE : NEAR_BLACK;
  return { ...colours, onPrimary, muted: mutedTextColour(colours.text, colours.background) };
}

export interface ColourProblem {
  /** The colour to change, a key of `library.colours`. */
  field: keyof LibraryColours;
  /** What is expected, and what the configured colours give. */
  expected: string;
}

function ratio(value: number): string {
  return `${(Math.floor(value * 100) / 100).toFixed(2)}:1`;
}

/**
 * Every pair of colours the chat pages show as text or controls, with a problem for each pair under
 * 4.5:1. The accent colour is only decorative on the pages, so it has no minimum.
 */
export function colourContrastProblems(colours: LibraryColours): ColourProblem[] {
  const { onPrimary } = pageColours(colours);
  const pairs: { field: keyof LibraryColours; fore: string; back: string; use: string }[] = [
    {
      field: 'text',
      fore: colours.text,
      back: colours.background,
      use: `against background ${colours.background} (all chat text)`,
    },
    {
      field: 'primary',
      fore: colours.primary,
      back: colours.background,
      use: `against background ${colours.background} (buttons, links and focus rings use it)`,
    },
    {
      field: 'primary',
      fore: onPrimary,
      back: colours.primary,
      use: `under ${onPrimary} text (the header and the patron's own messages)`,
    },
  ];
  return pairs.flatMap(({ field, fore, back, use }) => {
    const value = contrastRatio(fore, back);
    if (value >= TEXT_CONTRAST) return [];
    return [
      {
        field,
        expected: `a colour with at least ${TEXT_CONTRAST}:1 contrast ${use}; "${colours[field]}" gives ${ratio(value)}`,
      },
    ];
  });
}
