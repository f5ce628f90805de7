// Helpers for driving the chat pages in Chromium as a keyboard user would, and for checking them
// with axe-core (injected from the installed package; never from a CDN).
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/** A page or the embed's frame: both run scripts and find elements the same way. */
export type Surface = Page | Frame;

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the whole document; every violation, readably. */
export async function axeViolations(surface: Surface): Promise<AxeFinding[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which forbids injected scripts.
  // Sent once per document: the source is half a megabyte.
  if (!(await surface.evaluate(() => 'axe' in window))) await surface.evaluate(AXE_SOURCE);
  return surface.evaluate(async (tags: string[]) => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_TAGS);
}

/** The number of message bubbles (patron and bot) now shown. */
export function bubbleCount(surface: Surface): Promise<number> {
  return surface.evaluate(() => document.querySelectorAll('#webchat .webchat__stacked-layout').length);
}

/**
 * Waits until at least `more` new bubbles have appeared after `before`, then until nothing has
 * changed for a moment (a reply may be several messages).
 */
export async function waitForBubbles(surface: Surface, before: number, more: number): Promise<void> {
  await surface.waitForFunction(
    ([count]) => document.querySelectorAll('#webchat .webchat__stacked-layout').length >= count,
    [before + more],
    { timeout: 20000 },
  );
  await settle(surface);
}

/** Resolves once the chat's DOM has been still for 200 ms (Web Chat renders in several passes). */
export async function settle(surface: Surface): Promise<void> {
  await surface.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 200);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 200);
        });
        function done(): void {
          observer.disconnect();
          resolve();
        }
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }),
  );
}

/** The text of every live region on the page, now. */
export function liveRegionText(surface: Surface): Promise<string> {
  return surface.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-live], [role="log"], [role="status"], [role="alert"]'))
      .map((element) => element.textContent ?? '')
      .join('\n'),
  );
}

/** What the element with keyboard focus is, for messages: tag, type, accessible label and text. */
export function focusedElement(surface: Surface): Promise<string> {
  return surface.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active) return 'nothing';
    return [
      active.tagName.toLowerCase(),
      active.getAttribute('type') ?? '',
      active.getAttribute('aria-label') ?? active.getAttribute('title') ?? active.id ?? '',
      (active.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
    ].join(' | ');
  });
}

/**
 * Presses `key` until the focused element's description matches; fails with the focus path seen.
 * The keyboard belongs to the page; `surface` is where focus is read (the embed's frame).
 */
export async function pressUntilFocused(
  page: Page,
  surface: Surface,
  key: string,
  wanted: RegExp,
  maxPresses = 15,
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(key);
    const focus = await focusedElement(surface);
    if (wanted.test(focus)) return;
    seen.push(focus);
  }
  throw new Error(`${key} never reached ${wanted}; focus went:\n  ${seen.join('\n  ')}`);
}

/** Bot messages shown after the first `skip` bubbles, as text. */
function botTextAfter(surface: Surface, skip: number): Promise<string> {
  return surface.evaluate(
    (from) =>
      Array.from(document.querySelectorAll('#webchat .webchat__stacked-layout'))
        .slice(from)
        .filter((bubble) => !bubble.classList.contains('webchat__stacked-layout--from-user'))
        .map((bubble) => bubble.textContent ?? '')
        .join('\n'),
    skip,
  );
}

/** Waits for a new bot message matching `reply` (after the first `skip` bubbles), then for calm. */
export async function waitForReply(surface: Surface, skip: number, reply: RegExp): Promise<void> {
  const deadline = Date.now() + 20000;
  let text = '';
  while (Date.now() < deadline) {
    text = await botTextAfter(surface, skip);
    if (reply.test(text)) {
      await settle(surface);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no reply matching ${reply}; the bot said:\n${text}`);
}

/** Types a message where the keyboard focus is, presses Enter and waits for the reply. */
export async function typeAndWait(page: Page, surface: Surface, text: string, reply: RegExp): Promise<void> {
  const before = await bubbleCount(surface);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForReply(surface, before, reply);
}
