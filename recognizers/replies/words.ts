// The few words per language that the Microsoft recognizers leave to us: chat-style yes and no
// ("yeah", "nah", "not now"), words that may surround a short answer without changing it ("yes
// please", "the second one"), and which relative ordinal means the last option. Lower case, without
// accents or apostrophes, as simplify() leaves a message. Spanish is here because it comes next.

export type ReplyLanguage = 'en' | 'es';

export interface ReplyWords {
  /** Whole answers that mean yes or no, beyond what recognizeBoolean knows. */
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
  /** Words that may stand beside a yes or no without changing it ("yes please", "no thanks"). */
  besideYesNo: ReadonlySet<string>;
  /** Words that may stand beside a number or ordinal ("option 2", "the second one please"). */
  besidePosition: ReadonlySet<string>;
  /** Relative ordinals (as recognizeOrdinal finds them) that mean the last option. */
  last: ReadonlySet<string>;
  /** Words that name no option on their own ("the", "one", "please"): ignored when matching names. */
  filler: ReadonlySet<string>;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split('|'));

const polite = 'please|pls|plz|thanks|thank|you|thx|ty|very|much|so|lol|sir|maam';
const englishFiller = `${polite}|the|a|an|one|ones|i|id|ill|im|would|like|want|take|pick|choose|that|it|its|is|me|for|just|go|with`;
const spanishFiller = 'por|favor|gracias|el|la|lo|los|las|uno|una|quiero|me|gustaria|eso|ese|esa|es|de';

export const REPLY_WORDS: Record<ReplyLanguage, ReplyWords> = {
  en: {
    yes: set(
      'yes|y|ok|okay|sure|yeah|yea|ya|yah|yup|yep|yes please|please|please do|go ahead|do it|sounds good|of course|absolutely|' +
        'definitely|certainly|correct|right|thats right|that is right|thats it|thats the one|it is|alright|' +
        'all right|k|kk|sure thing|why not|yes it is',
    ),
    no: set(
      'no|nope|n|nah|nay|no thanks|no thank you|not now|not really|not today|not yet|dont|do not|no way|not that one|' +
        'no it isnt|its not|it isnt|no its not',
    ),
    besideYesNo: set(
      `${polite}|i|do|would|will|that|it|is|its|thats|sounds|good|fine|great|of|course|for|now`,
    ),
    besidePosition: set(`${englishFiller}|option|number|num|no|nr|choice|item`),
    last: set('last'),
    filler: set(englishFiller),
  },
  es: {
    yes: set('si|vale|claro|claro que si|por supuesto|de acuerdo|dale|bueno|sip|si por favor|esta bien'),
    no: set('no|no gracias|ahora no|para nada|nop|todavia no|tampoco'),
    besideYesNo: set('por|favor|gracias|claro|vale|muchas|muy|bien'),
    besidePosition: set(`${spanishFiller}|opcion|numero|num|no`),
    last: set('ultimo|ultima'),
    filler: set(spanishFiller),
  },
};

/** 'es' for any Spanish locale ("es", "es-MX"), English otherwise. */
export function replyLanguage(culture: string | undefined): ReplyLanguage {
  return /^es\b/i.test(culture ?? '') ? 'es' : 'en';
}
