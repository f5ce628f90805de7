// How long a relayed message takes between a patron and a staff member, in real browsers: Debian's
// Chromium with the patron page (/) and the staff workspace (/staff) side by side on the built-in
// Direct Line, timed from the key press that sends a message to the moment it is in the other page.
// Prints median, p95 and maximum in milliseconds for each direction.
// Usage: node dist/bench/staffRelay.js [messages each way]
import { launchChromium } from '../test/support/browser';
import { startTestBot } from '../test/support/testBot';
import {
  LIVE_WINDOWS,
  openPatronPage,
  openReplyBox,
  openStaffWorkspace,
  patronSays,
  summarise,
  timeRelay,
} from '../test/handoff/workspaceBrowser';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 30);
  // Monday 10:00 in Riverbend: staffed chat hours.
  const bot = await startTestBot({ now: () => new Date('2026-11-30T16:00:00Z'), env: { LOG_LEVEL: 'warn' } });
  const browser = await launchChromium(LIVE_WINDOWS);
  try {
    const staff = await openStaffWorkspace(await browser.newContext(), bot.url, 'Sam');
    const patron = await openPatronPage(await browser.newContext(), bot.url);
    await patronSays(patron, 'I want to talk to a person');
    await staff
      .getByRole('button', { name: /^Claim Patron/ })
      .first()
      .click();
    await patron.getByText('Sam from the library has joined', { exact: false }).first().waitFor();
    const patronBox = patron.locator('#webchat').getByRole('textbox').first();
    const toStaff: number[] = [];
    const toPatron: number[] = [];
    for (let i = 1; i <= count; i++) {
      toStaff.push(await timeRelay(patronBox, `question p2s-${i}`, staff, `p2s-${i}`));
      toPatron.push(await timeRelay(openReplyBox(staff), `answer s2p-${i}`, patron, `s2p-${i}`));
    }
    const line = (name: string, times: number[]) => {
      const { median, p95, max } = summarise(times);
      console.log(
        `${name.padEnd(18)} median ${median} ms  p95 ${p95} ms  max ${max} ms  (${times.length} messages)`,
      );
    };
    console.log('Relay through the staff workspace in Chromium (key press to text on the other page):');
    line('patron -> staff', toStaff);
    line('staff -> patron', toPatron);
  } finally {
    await browser.close();
    await bot.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
