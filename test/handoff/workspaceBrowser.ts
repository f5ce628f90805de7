// Driving the staff workspace and the patron page in Chromium, for the browser test and the relay
// benchmark (bench/staffRelay.ts): sign in, say something, and time a relayed message from the key
// press that sends it to the moment it is in the other window's page (a MutationObserver stamps it).
import type { BrowserContext, Page } from 'playwright-core';

/** Stamps the first moment each relay marker ("p2s-3", "s2p-3") appears anywhere in the page. */
const RELAY_STAMPS = `(() => {
  const stamps = (window.__relayStamps = {});
  const scan = (node) => {
    const text = node.textContent || '';
    for (const match of text.matchAll(/\\b([ps]2[ps]-\\d+)\\b/g)) {
      if (!(match[1] in stamps)) stamps[match[1]] = Date.now();
    }
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach(scan);
  }).observe(document, { childList: true, subtree: true });
})();`;

export async function stampedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: RELAY_STAMPS });
  return page;
}

/** Opens /staff in a page of its own and signs in with the local passcode. */
export async function openStaffWorkspace(
  context: BrowserContext,
  botUrl: string,
  name: string,
): Promise<Page> {
  const staff = await stampedPage(context);
  await staff.goto(`${botUrl}/staff`);
  await staff.getByLabel('Your first name').fill(name);
  await staff.getByLabel('Staff passcode').fill('riverbend-staff');
  await staff.getByRole('button', { name: 'Open the workspace' }).click();
  await staff.locator('#signed-in-as', { hasText: `Signed in as ${name}` }).waitFor();
  return staff;
}

export async function openPatronPage(context: BrowserContext, botUrl: string): Promise<Page> {
  const patron = await stampedPage(context);
  await patron.goto(`${botUrl}/`);
  await patron.getByText('help bot', { exact: false }).first().waitFor({ timeout: 20000 });
  return patron;
}

export async function patronSays(patron: Page, text: string): Promise<void> {
  const sendBox = patron.locator('#webchat').getByRole('textbox').first();
  await sendBox.fill(text);
  await sendBox.press('Enter');
}

/** The reply box of the staff member's open chat tab. */
export function openReplyBox(staff: Page) {
  return staff.locator('.chat-panel:not([hidden]) textarea.reply-box');
}

/**
 * Milliseconds from the key press that sends `marker` (typed in `box` beforehand) to its appearance
 * in `to`: what a person at the other window waits.
 */
export async function timeRelay(
  box: ReturnType<Page['locator']>,
  text: string,
  to: Page,
  marker: string,
): Promise<number> {
  await box.fill(text);
  const sent = Date.now();
  await box.press('Enter');
  await to.waitForFunction((m) => m in ((window as { __relayStamps?: object }).__relayStamps ?? {}), marker, {
    polling: 10,
    timeout: 20000,
  });
  const shown = await to.evaluate(
    (m) => (window as unknown as { __relayStamps: Record<string, number> }).__relayStamps[m],
    marker,
  );
  return shown - sent;
}

/** Median, 95th percentile and maximum, in milliseconds. */
export function summarise(times: number[]): { median: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** Chromium flags for several windows side by side: none of them throttled in the background. */
export const LIVE_WINDOWS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
