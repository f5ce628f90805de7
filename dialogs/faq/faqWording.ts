// What the FAQ dialog says besides the configured answers: the branch offer, and parking or buses for
// every branch when the patron asked about them without naming one. Sentences from the catalog.
import type { Reply } from '../../channels/reply';
import type { FaqAnswer } from '../../library/faq/faqService';
import type { Messages } from '../../library/language/catalog';

export function answerReply(m: Messages, answer: FaqAnswer): Reply {
  const link = answer.link ? `\n${m.faq.more(answer.link)}` : '';
  // The library wrote this entry in English only: say so in the patron's language first.
  const notice = answer.untranslated ? `${m.untranslatedNotice}\n` : '';
  const reply: Reply = { kind: 'text', text: `${notice}${answer.text}${link}` };
  if (answer.smsText) reply.smsText = `${notice}${answer.smsText}${link}`;
  return reply;
}

/** "Parking: Main Library: free garage on Water Street. Eastside Branch: ..." */
export function branchFactsReply(
  m: Messages,
  kind: 'parking' | 'transit',
  facts: { name: string; text: string; untranslated?: true }[],
): Reply {
  const title = kind === 'parking' ? m.faq.parkingTitle : m.faq.transitTitle;
  const rows = facts.map((fact) => ({ label: fact.name, value: fact.text }));
  // Some branches' directions are in English only: say so once, under the table.
  const untranslated = facts.some((fact) => fact.untranslated);
  return { kind: 'table', title, rows, ...(untranslated ? { footer: m.untranslatedNotice } : {}) };
}
