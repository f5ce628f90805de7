// Who the patron is on their channel, where the channel says so: an SMS patron's id is the phone
// number they text from (Azure Bot Service's Twilio channel), so staff can text back without asking.
import type { Activity } from 'botbuilder';
import { channelStyle } from './renderer';

/** The number an SMS patron texts from, or undefined on other channels or when the id is not a number. */
export function senderPhoneNumber(activity: Partial<Activity>): string | undefined {
  if (channelStyle(activity.channelId) !== 'text') return undefined;
  const id = activity.from?.id ?? '';
  return /^\+?\d[\d\s().-]{6,}$/.test(id) ? id : undefined;
}
