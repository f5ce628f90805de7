// The title and author in a hold request: "put The Midnight Library by Matt Haig on hold",
// "reserve "Educated"", "cancel my hold on fourth wing". Read from the patron's own text so the
// title keeps its capitals; the catalogue search does the rest.

/** Words before the title: the request itself. Tried in order, longest phrasing first. */
const LEADS: RegExp[] = [
  /\bput (?:a )?(?:hold|reserve|request) (?:on|for) (.+)/i,
  /\b(?:put|add|get) me (?:on|in|to|down for) (?:the )?(?:wait ?list|waiting list|hold list|hold queue|list|line|queue) (?:for|on) (.+)/i,
  /\b(?:place|make|put in|submit|do) (?:a )?(?:hold|reservation|request)(?: request)? (?:on|for) (.+)/i,
  /\b(?:cancel|remove|drop|delete|withdraw|stop)(?: my| the| a)? (?:hold|reservation|request) (?:on|for) (.+)/i,
  /\bput (.+?) on hold\b/i,
  /\b(?:take|remove) (.+?) off (?:hold|my holds|the list)\b/i,
  /\bremove (.+?) from my holds\b/i,
  /\bwhere am i (?:in line|on the (?:wait ?list|list)) for (.+)/i,
  /\b(?:position|place|number) (?:in line|on the list|in the queue) for (.+)/i,
  /\b(?:ahead of me|wait) for (.+)/i,
  /\b(?:hold|reserve|request|cancel|unreserve|save|set aside|borrow|check out|looking for) (.+)/i,
  /\b(?:is|has|did|will|when will|when can i pick up) (.+?) (?:ready|come in|arrive|in yet|checked in|available|be ready|waiting)\b/i,
  /\b(?:do you have|does the library have|do you guys have) (.+)/i,
  // Spanish: "cancela mi reserva de X", "poner un hold en X", "quiero reservar X", "apartame X".
  /\b(?:cancela(?:r|me)?|quita(?:r|me)?|borra(?:r)?|elimina(?:r)?|anula(?:r)?)(?: mi| la| el| un| una)? (?:reserva(?:cion)?|apartado|hold) (?:de|del|para|en|a) (.+)/i,
  /\b(?:poner|pon|ponme|hacer|haz|hazme|meter)(?: un| una)? (?:hold|reserva(?:cion)?|apartado) (?:en|de|del|para|a) (.+)/i,
  /\b(?:reservar|reserva(?:me)?|apartar|aparta(?:me)?|pedir|pide(?:me)?|guardar|guarda(?:me)?|renovar|renueva(?:me)?|cancelar|cancela(?:me)?) (.+)/i,
  /\b(?:ya llego|ya esta listo|ya esta lista|esta listo|esta lista|cuando llega) (.+)/i,
];

/** Words after the title that belong to the request, stripped repeatedly. */
const TAILS =
  /[\s,.!?;:]*(?:on hold|for me|for my [a-z]+(?: [a-z]+)?|please|pls|plz|thanks|thank you|thx|asap|now|too|at (?:the )?[a-z ]+ (?:branch|library)|at [a-z]+(?: [a-z]+)?|for pick ?up(?: at .+)?|to pick up(?: .+)?|ready(?: for pick ?up)?|in yet|yet|available|checked in|anymore|any more|i want it|it|for the book club|for school|for class|por favor|porfa|xfa|para mi|gracias|ya|ahora|para recoger(?: .+)?|en la (?:sucursal|biblioteca)(?: de)? [a-z ]+|\?|!|\.)[\s,.!?;:]*$/i;

/** Leading words that are not part of a title. */
const PREFIXES =
  /^(?:a copy of|copies of|a copy|the book|the novel|the dvd of|the dvd|the movie|the audiobook of|the audiobook|the large print(?: edition of)?|the ebook of|the ebook|my hold on|my hold for|the hold on|the hold for|my request for|my reservation for|hold on|a hold on|hold for|a book called|the book called|a movie called|one of|me|el libro(?: que se llama| de)?|la novela(?: de)?|la pelicula(?: de)?|el dvd(?: de)?|el audiolibro|un libro que se llama|mi reserva de|la reserva de|el libro de nombre)\s+/i;

/** What a "title" must not be: the request words themselves. */
const NOT_TITLES =
  /^(?:a|an|the|my|me|it|this|that|one|some|something|smth|book|books|a book|a dvd|a movie|dvd|movie|item|an item|items|hold|holds|my hold|my holds|a hold|request|a request|reservation|my reservation|everything|all|all my holds|them|these|those|stuff|things|anything|my book|the book|my books|my stuff|a copy|list|the list|line|wait list|waitlist|un libro|el libro|libro|libros|mis libros|los libros|una pelicula|pelicula|un dvd|un audiolibro|algo|todo|todos|todos mis libros|mi reserva|mis reservas|reserva|una reserva|la reserva|un hold|mi hold|mis holds|lo|la|el|eso|esto|uno|una|mis prestamos)$/i;

export interface HoldItem {
  title?: string;
  author?: string;
}

function clean(text: string): string {
  let out = text.trim();
  for (let i = 0; i < 6; i++) {
    const next = out.replace(TAILS, '').replace(PREFIXES, '').trim();
    if (next === out) break;
    out = next;
  }
  return out.replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '').trim();
}

export function findHoldItem(rawText: string): HoldItem {
  const text = rawText.replace(/\s+/g, ' ').trim();
  const result: HoldItem = {};
  const quoted =
    /["\u201c]([^"\u201d]{2,120})["\u201d]/.exec(text) ?? /(?:^|\s)'([^']{2,120})'(?:\s|$|[,.!?])/.exec(text);
  let rest: string | undefined;
  if (quoted) {
    result.title = quoted[1].trim();
    rest = text.slice(quoted.index + quoted[0].length);
    const by = /^\s*(?:by|from)\s+(.+)$/i.exec(rest);
    if (by) {
      const author = clean(by[1]);
      if (author && author.split(' ').length <= 5) result.author = author;
    }
    return result;
  }
  for (const lead of LEADS) {
    const m = lead.exec(text);
    if (!m) continue;
    const candidate = clean(m[1]);
    if (!candidate || NOT_TITLES.test(candidate)) continue;
    rest = candidate;
    break;
  }
  // A bare "Title by Author" is a request too.
  if (!rest && /\sby\s/i.test(text)) rest = clean(text);
  if (!rest) return result;
  // "Title by Author": the last " by " splits, when what follows looks like a name (one to four words).
  const by = /^(.+?)\s+by\s+([^,]+)$/i.exec(rest);
  if (by && by[2].trim().split(/\s+/).length <= 4) {
    const title = clean(by[1]);
    const author = clean(by[2]);
    if (title && !NOT_TITLES.test(title)) result.title = title;
    if (author) result.author = author;
    return result;
  }
  // "the new Stephen King book", "the andy weir book", "a matt haig novel", "something by" aside.
  const authorsBook =
    /^(?:(?:the|a|an|that|some|any|one) )?(?:(?:new|newest|latest|next|last|other) )?(.+?) (?:book|novel|one)s?$/i.exec(
      rest,
    );
  if (authorsBook && authorsBook[1].trim().split(/\s+/).length <= 4) {
    result.author = authorsBook[1].trim();
    return result;
  }
  if (rest.split(/\s+/).length <= 15) result.title = rest;
  return result;
}
