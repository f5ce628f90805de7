// SMS segments per reply (issue 15): the same patron questions asked in English and in Spanish over
// SMS, through the real bot (test/support/botHarness.ts), at a fixed library time. Spanish with
// accents goes as UCS-2 (70 characters a segment, 67 concatenated), so it costs more segments than
// English for the same answer: this prints how many. `node dist/bench/smsSegments.js`
import { smsCost } from '../channels/smsSegments';
import { startBotHarness } from '../test/support/botHarness';

const NOW = new Date('2026-12-01T16:00:00Z'); // Tuesday 10:00 AM in Riverbend (America/Chicago)

const QUESTIONS: Record<string, string[]> = {
  en: [
    'hi',
    'when does main library close today',
    'are you open on christmas eve',
    'anything for my 4 year old this weekend',
    'how do i get a library card',
    'i want to talk to a person',
  ],
  es: [
    'hola',
    'a que hora cierra la main library hoy',
    'abren en nochebuena?',
    'hay algo para mi hijo de 4 años este fin de semana',
    'como saco la tarjeta de la biblioteca',
    'quiero hablar con una persona',
  ],
};

async function main(): Promise<void> {
  const harness = await startBotHarness({ now: () => NOW, storage: 'memory' });
  try {
    for (const [language, questions] of Object.entries(QUESTIONS)) {
      const conversation = harness.conversation(
        `bench-sms-${language}`,
        'sms',
        `+1555010${language === 'en' ? 1 : 2}`,
      );
      let texts = 0;
      let segments = 0;
      let ucs2 = 0;
      console.log(`\n${language}: message -> texts sent (characters/encoding/segments)`);
      for (const question of questions) {
        const replies = (await conversation.say(question)).map((activity) => activity.text ?? '');
        const costs = replies.map((text) => ({ length: text.length, ...smsCost(text) }));
        texts += costs.length;
        segments += costs.reduce((sum, cost) => sum + cost.segments, 0);
        ucs2 += costs.filter((cost) => cost.encoding === 'UCS-2').length;
        const shown = costs.map((c) => `${c.length}/${c.encoding}/${c.segments}`).join(', ');
        console.log(`  ${question.padEnd(52)} ${shown}`);
      }
      console.log(
        `  ${language}: ${texts} texts, ${segments} segments (${(segments / questions.length).toFixed(1)} per question), ${ucs2} sent as UCS-2`,
      );
    }
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
