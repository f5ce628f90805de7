// English: handoff to staff: escalation offers, queue, relay notices, messages and tickets (dialogs/handoff/, bots/handoff/).
// The shape of this section is the type the Spanish one (../es/handoff.ts) must fill.
import type { DateTime } from 'luxon';
import { plural } from '../../plural';

/** "9:00 AM": the handoff's times, as staffed chat hours have always been said. */
const clock = (at: DateTime) => at.setLocale('en').toFormat('h:mm a');

export const handoffEn = {
  /** The confirm buttons of "Would you like me to bring in a person?"; typed back, they answer too. */
  offerYes: 'Yes',
  offerNo: 'No',
  leaveMessageYes: 'Leave a message',
  leaveMessageNo: 'No thanks',
  /** How staff may get back to a patron who leaves a message: button label and the value it sends. */
  contact: {
    thisChat: { label: 'Reply in this chat', value: 'this chat' },
    sms: { label: 'Text message', value: 'text message' },
    phone: { label: 'Phone call', value: 'phone call' },
    email: { label: 'Email', value: 'email' },
  },
  /** The offer of a person, by why it is made. */
  offer: {
    misunderstood:
      "I'm sorry I'm not understanding. Would you like me to bring in a person from the library?",
    frustrated:
      "I'm sorry this has been frustrating. Would you like me to bring in a person from the library?",
    'always-human': 'That is something our staff handle personally. Would you like me to bring in a person?',
    failure:
      "I can't reach that information right now. Would you like me to bring in a person from the library?",
    other: 'Would you like me to bring in a person from the library?',
  } as Record<string, string> & { other: string },
  chooseOne: "Sorry, I didn't catch that. Please choose one of these.",
  yesOrNo: 'Sorry, was that a yes or a no?',
  badEmail: 'That does not look like an email address. Please type it like name@example.org.',
  badPhone: 'That does not look like a phone number. Please type the digits, like 555-010-2000.',
  messageLength: 'Please type your message for staff (up to 2,000 characters).',
  declined: 'No problem. What else can I help you with?',
  /** "about 3 minutes". */
  wait: (minutes: number) => plural('en', minutes, { one: 'about 1 minute', other: 'about {n} minutes' }),
  queued: (position: number, wait: string) =>
    `I'm bringing in a person from the library. You're number ${position} in line ` +
    `(expected wait ${wait}). Keep this chat open; type "leave" to stop waiting.`,
  queuedSms: (position: number, minutes: number) =>
    `Connecting you with library staff. You're number ${position} in line (about ${minutes} min). Reply LEAVE to stop waiting.`,
  alreadyInLine: (position: number, wait: string) =>
    `You're already in line: number ${position} (expected wait ${wait}).`,
  alreadyConnected: "You're already connected with library staff.",
  leaveMessageOffer: (why: string) => `${why} Would you like to leave a message? Staff will get back to you.`,
  howToReach: 'How should staff get back to you?',
  noMessage: (phone: string) => `All right. You can also call us at ${phone}. What else can I help you with?`,
  askEmail: 'What email address should staff use?',
  askPhone: 'What phone number should staff use?',
  askMessage: "What would you like to ask staff? Please don't include your PIN or password.",
  replyHow: {
    thisChat: 'in this chat',
    email: (email: string) => `by email at ${email}`,
    sms: (phone: string) => `by text message at ${phone}`,
    phone: (phone: string) => `by phone at ${phone}`,
  },
  saved: (how: string, next: string) =>
    `Thanks, your message is saved. Staff will reply ${how}, usually soon after ${next}.`,

  /** When staffed chat starts: "today at 9:00 AM", "tomorrow at 1:00 PM", "Monday at 9:00 AM". */
  nextStaffed: (at: DateTime, days: number) =>
    days === 0
      ? `today at ${clock(at)}`
      : days === 1
        ? `tomorrow at ${clock(at)}`
        : `${at.setLocale('en').toFormat('cccc')} at ${clock(at)}`,
  /** Until when chat is staffed: "8:00 PM today", "2:00 AM tomorrow", "5:00 PM on Monday". */
  staffedUntil: (at: DateTime, days: number) =>
    days === 0
      ? `${clock(at)} today`
      : days === 1
        ? `${clock(at)} tomorrow`
        : `${clock(at)} on ${at.setLocale('en').toFormat('cccc')}`,
  outsideChatHours: (next?: string) =>
    `Library staff aren't available to chat right now.${next ? ` Staff are next available ${next}.` : ''}`,
  nobodyPresent: (phone: string, until?: string, next?: string) => {
    const later = next ? `; otherwise staff are next available ${next}` : '';
    const when = until ? ` Chat is staffed until ${until}, so someone may be back soon${later}.` : '';
    return `No staff member is free to chat right now.${when} You can call us at ${phone}.`;
  },

  /** Reading: the patron leaving the queue or the chat with staff, the whole message. */
  leaveWords: /^(end|end chat|leave|leave (the )?queue|stop waiting|cancel|quit chat|bye|goodbye)[.!]*$/i,
  waiting: (position: number, wait: string) =>
    `You're number ${position} in line (${wait}). A staff member will join here. Type "leave" to stop waiting.`,
  waitingShortly: 'A staff member will join here shortly. Type "leave" to stop waiting.',
  nowInLine: (position: number, wait: string) => `You're now number ${position} in line (${wait}).`,
  messageOfferDeclined: "No problem. I'm here if you need anything else.",
  patronLeft: "You've left the chat with staff. I'm still here if you need anything.",
  joined: (staff: string) => `${staff} from the library has joined. You're now chatting with a person.`,
  staffLeft: (staff: string) => `${staff} has left the chat. I'm here if you need anything else.`,
  transferred: (from: string, to: string) => `${from} has passed your chat to ${to}, who is with you now.`,
  /** A staff member's words relayed to the patron. */
  staffSays: (staff: string, text: string) => `${staff}: ${text}`,
  ticketAnswer: (staff: string, answer: string) =>
    `A reply from ${staff} at the library about your message: ${answer}`,
  claimTimedOut:
    "I'm sorry, nobody has been able to pick up your chat. Would you like to leave a message for staff?",
};

export type HandoffMessages = typeof handoffEn;
