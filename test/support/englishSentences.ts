// Flags English sentences in replies meant to be Spanish (issue 15): each sentence, with proper
// names (capitalised words after its first), links, times and numbers left out, is English when it
// carries at least two English function words and more of them than Spanish ones.
const ENGLISH = new Set(
  (
    'the a an you your is are was were be what when where which who how can could do does did i my me ' +
    'it its to for of and or but at on in with from this that there here please thanks sorry today ' +
    'tomorrow open closed closes opens hours until about any some more next not no yes will would ' +
    'have has our we us if then than try ask say reply'
  ).split(' '),
);
const SPANISH = new Set(
  (
    'el la los las un una unos unas de del que por para con en es son esta estan está están hay al y o ' +
    'mi mis su sus le lo se no si sí más hoy mañana abre abren cierra cierran hasta desde ahora puede ' +
    'pregunte diga responda quiere gracias perdón horario actividades sucursal biblioteca'
  ).split(' '),
);

function sentences(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function words(sentence: string): string[] {
  const all = sentence
    .replace(/\d+(:\d+)?/g, ' ')
    .split(/[^\p{L}']+/u)
    .filter(Boolean);
  // Proper names (branches, programs, holidays) keep their capitals after the first word.
  return all.filter((word, i) => i === 0 || word[0] === word[0].toLowerCase()).map((w) => w.toLowerCase());
}

/** The sentences of `text` that read as English. */
export function englishSentences(text: string): string[] {
  return sentences(text).filter((sentence) => {
    const said = words(sentence);
    const english = said.filter((w) => ENGLISH.has(w) && !SPANISH.has(w)).length;
    const spanish = said.filter((w) => SPANISH.has(w)).length;
    return english >= 2 && english > spanish;
  });
}
