// A staff workspace window over the built-in Direct Line, speaking the page's protocol (web/staff.js):
// sign in with the passcode, report presence, act with `staff.action` events, reply with the chat's
// case id, and read the `staff.workspace` snapshots the bot sends back.
import type { Activity } from 'botbuilder';
import type { WorkspaceSnapshot } from '../../bots/handoff/workspaceSnapshot';
import { DirectLineTestClient } from '../support/directLineClient';

export const LOCAL_PASSCODE = 'riverbend-staff'; // local mode's default staff passcode

export class WorkspaceTestClient {
  private constructor(readonly client: DirectLineTestClient) {}

  /** Signs in with the passcode, waits for the welcome, and reports "available" as the page does. */
  static async open(baseUrl: string, name: string, passcode = LOCAL_PASSCODE): Promise<WorkspaceTestClient> {
    const client = await DirectLineTestClient.start(baseUrl, '/staff/token', { name, passcode });
    await client.waitFor((a) => a.type === 'message' && a.text === `Signed in as ${name}.`);
    const window = new WorkspaceTestClient(client);
    await window.event('staff.presence', { status: 'available' });
    await window.snapshot((s) => s.me.status === 'available');
    return window;
  }

  event(name: string, value?: unknown): Promise<Response> {
    return this.client.send('', { type: 'event', name, value });
  }

  action(action: { verb: string; caseId?: string; ticketId?: string; to?: string; reply?: string }) {
    return this.event('staff.action', action);
  }

  /** Text typed in one chat's tab. */
  reply(caseId: string, text: string): Promise<Response> {
    return this.client.send(text, { channelData: { libraryBot: { caseId } } });
  }

  /** The first snapshot (oldest first, including those already seen) that matches. */
  async snapshot(matches: (snapshot: WorkspaceSnapshot) => boolean = () => true): Promise<WorkspaceSnapshot> {
    const found = await this.client.waitFor(
      (a) => a.type === 'event' && a.name === 'staff.workspace' && matches(a.value as WorkspaceSnapshot),
    );
    return found.value as WorkspaceSnapshot;
  }

  /** The first matching snapshot this window has not yet fetched (one sent after what it has seen). */
  async nextSnapshot(matches: (snapshot: WorkspaceSnapshot) => boolean): Promise<WorkspaceSnapshot> {
    const seen = this.client.received.length;
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.client.received
        .slice(seen)
        .find(
          (a) => a.type === 'event' && a.name === 'staff.workspace' && matches(a.value as WorkspaceSnapshot),
        );
      if (found) return found.value as WorkspaceSnapshot;
      if (Date.now() > deadline) throw new Error('no matching workspace snapshot within 5000 ms');
      await this.client.poll();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A message in one chat's tab. */
  chatMessage(caseId: string, text: string): Promise<Activity> {
    return this.client.waitFor(
      (a) =>
        a.type === 'message' &&
        a.text === text &&
        (a.channelData as { libraryBot?: { caseId?: string } } | undefined)?.libraryBot?.caseId === caseId,
    );
  }
}
