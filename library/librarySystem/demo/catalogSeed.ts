// The demo catalog: bibliographic facts written for this project (title, author, year, subjects,
// formats; no descriptions). Well-known titles are listed by hand; the rest of the collection is
// composed from word lists with a fixed seed so every installation gets the same catalog.
import type { CatalogFormat } from '../librarySystem';
import { seededRandom } from '../../seededRandom';

export interface SeedWork {
  title: string;
  author: string;
  year: number;
  subjects: string[];
  formats: CatalogFormat[];
  /** Reference titles stay in the building. */
  libraryUseOnly?: boolean;
}

const formatLetters: Record<string, CatalogFormat> = {
  b: 'book',
  l: 'large-print',
  a: 'audiobook',
  d: 'dvd',
  e: 'ebook',
};

// title | author | year | subjects (;) | formats (b book, l large print, a audiobook, d DVD, e eBook)
const knownWorks = `
The Midnight Library|Matt Haig|2020|fiction;fantasy;regret;choices|bae
Project Hail Mary|Andy Weir|2021|science fiction;space;survival|bale
Lessons in Chemistry|Bonnie Garmus|2022|fiction;historical fiction;women in science;1960s|bale
The Martian|Andy Weir|2011|science fiction;mars;survival|bae
Artemis|Andy Weir|2017|science fiction;moon;heist|be
How to Stop Time|Matt Haig|2017|fiction;time;history|be
Reasons to Stay Alive|Matt Haig|2015|memoir;depression;mental health|be
Where the Crawdads Sing|Delia Owens|2018|fiction;mystery;north carolina;nature|blade
Educated|Tara Westover|2018|memoir;education;idaho;family|bale
Becoming|Michelle Obama|2018|memoir;first ladies;politics|bale
The Vanishing Half|Brit Bennett|2020|fiction;twins;identity;race|bae
Klara and the Sun|Kazuo Ishiguro|2021|fiction;artificial intelligence;literary fiction|bae
Never Let Me Go|Kazuo Ishiguro|2005|fiction;literary fiction;dystopia|be
The Remains of the Day|Kazuo Ishiguro|1989|fiction;england;butlers|be
Tomorrow, and Tomorrow, and Tomorrow|Gabrielle Zevin|2022|fiction;video games;friendship|bae
Demon Copperhead|Barbara Kingsolver|2022|fiction;appalachia;opioids;coming of age|bale
The Poisonwood Bible|Barbara Kingsolver|1998|fiction;congo;missionaries;family|be
Remarkably Bright Creatures|Shelby Van Pelt|2022|fiction;octopus;friendship|bale
The Seven Husbands of Evelyn Hugo|Taylor Jenkins Reid|2017|fiction;hollywood;romance|bae
Daisy Jones & The Six|Taylor Jenkins Reid|2019|fiction;rock music;1970s|bae
Little Fires Everywhere|Celeste Ng|2017|fiction;ohio;family;motherhood|be
The Thursday Murder Club|Richard Osman|2020|mystery;cozy mystery;retirement|bale
The Man Who Died Twice|Richard Osman|2021|mystery;cozy mystery;retirement|bale
The Silent Patient|Alex Michaelides|2019|thriller;psychological thriller;therapy|bae
Gone Girl|Gillian Flynn|2012|thriller;marriage;missouri|bde
The Girl on the Train|Paula Hawkins|2015|thriller;london;psychological thriller|bde
The Da Vinci Code|Dan Brown|2003|thriller;art;religion;paris|bde
Big Little Lies|Liane Moriarty|2014|fiction;australia;parents;mystery|be
The Nightingale|Kristin Hannah|2015|historical fiction;world war ii;france;sisters|bale
The Four Winds|Kristin Hannah|2021|historical fiction;dust bowl;great depression|bale
The Women|Kristin Hannah|2024|historical fiction;vietnam war;nurses|bale
All the Light We Cannot See|Anthony Doerr|2014|historical fiction;world war ii;france|bale
Cloud Cuckoo Land|Anthony Doerr|2021|fiction;libraries;books and reading|bae
The Book Thief|Markus Zusak|2005|historical fiction;world war ii;germany;teens|bde
The Kite Runner|Khaled Hosseini|2003|fiction;afghanistan;friendship|be
A Thousand Splendid Suns|Khaled Hosseini|2007|fiction;afghanistan;women|be
Life of Pi|Yann Martel|2001|fiction;survival;india;ocean|bde
The Road|Cormac McCarthy|2006|fiction;post-apocalyptic;fathers and sons|bde
Beloved|Toni Morrison|1987|fiction;slavery;ohio;literary fiction|be
The Color Purple|Alice Walker|1982|fiction;georgia;african american women|bde
To Kill a Mockingbird|Harper Lee|1960|fiction;alabama;justice;classics|blade
Pride and Prejudice|Jane Austen|1813|classics;romance;england|blade
Emma|Jane Austen|1815|classics;romance;england|bae
Jane Eyre|Charlotte Brontë|1847|classics;gothic fiction;governesses|bae
Wuthering Heights|Emily Brontë|1847|classics;gothic fiction;yorkshire|be
Frankenstein|Mary Shelley|1818|classics;horror;science fiction|bae
Dracula|Bram Stoker|1897|classics;horror;vampires|bae
Great Expectations|Charles Dickens|1861|classics;orphans;england|be
A Tale of Two Cities|Charles Dickens|1859|classics;french revolution|be
Moby-Dick|Herman Melville|1851|classics;whaling;sea stories|be
The Great Gatsby|F. Scott Fitzgerald|1925|classics;jazz age;long island|blade
Of Mice and Men|John Steinbeck|1937|classics;great depression;california|be
The Grapes of Wrath|John Steinbeck|1939|classics;dust bowl;migrant workers|be
East of Eden|John Steinbeck|1952|classics;california;family|bae
Nineteen Eighty-Four|George Orwell|1949|classics;dystopia;totalitarianism|bae
Animal Farm|George Orwell|1945|classics;allegory;politics|be
Brave New World|Aldous Huxley|1932|classics;dystopia;science fiction|be
Fahrenheit 451|Ray Bradbury|1953|classics;dystopia;books and reading|bae
The Handmaid's Tale|Margaret Atwood|1985|fiction;dystopia;women|bae
The Testaments|Margaret Atwood|2019|fiction;dystopia;women|be
Their Eyes Were Watching God|Zora Neale Hurston|1937|classics;florida;african american women|be
The Hobbit|J. R. R. Tolkien|1937|fantasy;dragons;adventure|bae
The Fellowship of the Ring|J. R. R. Tolkien|1954|fantasy;epic fantasy;adventure|bae
A Game of Thrones|George R. R. Martin|1996|fantasy;epic fantasy;politics|bae
The Name of the Wind|Patrick Rothfuss|2007|fantasy;magic;music|be
Mistborn: The Final Empire|Brandon Sanderson|2006|fantasy;magic;heist|bae
The Way of Kings|Brandon Sanderson|2010|fantasy;epic fantasy;war|bae
Circe|Madeline Miller|2018|fantasy;greek mythology;witches|bae
The Song of Achilles|Madeline Miller|2011|fantasy;greek mythology;trojan war|bae
Dune|Frank Herbert|1965|science fiction;desert planets;politics|blade
Foundation|Isaac Asimov|1951|science fiction;galactic empire|bae
The Left Hand of Darkness|Ursula K. Le Guin|1969|science fiction;gender;ice worlds|be
A Wizard of Earthsea|Ursula K. Le Guin|1968|fantasy;wizards;coming of age|be
Kindred|Octavia E. Butler|1979|science fiction;time travel;slavery|be
Parable of the Sower|Octavia E. Butler|1993|science fiction;climate change;dystopia|be
Ender's Game|Orson Scott Card|1985|science fiction;military;children|bde
The Hitchhiker's Guide to the Galaxy|Douglas Adams|1979|science fiction;humor;space|bade
Station Eleven|Emily St. John Mandel|2014|fiction;pandemics;theater|be
Sea of Tranquility|Emily St. John Mandel|2022|science fiction;time travel;pandemics|be
The Hunger Games|Suzanne Collins|2008|teens;dystopia;survival|bade
Harry Potter and the Sorcerer's Stone|J. K. Rowling|1997|children;fantasy;wizards;boarding schools|blade
Wonder|R. J. Palacio|2012|children;friendship;differences|bde
Charlotte's Web|E. B. White|1952|children;pigs;spiders;friendship|bae
Where the Wild Things Are|Maurice Sendak|1963|picture books;monsters;imagination|b
The Very Hungry Caterpillar|Eric Carle|1969|picture books;caterpillars;counting|b
Goodnight Moon|Margaret Wise Brown|1947|picture books;bedtime|b
Dog Man|Dav Pilkey|2016|children;graphic novels;humor;dogs|be
Diary of a Wimpy Kid|Jeff Kinney|2007|children;humor;middle school|bae
The Hate U Give|Angie Thomas|2017|teens;race;police;activism|bde
Sapiens: A Brief History of Humankind|Yuval Noah Harari|2011|history;human evolution;civilization|bae
Atomic Habits|James Clear|2018|self-help;habits;productivity|bale
Thinking, Fast and Slow|Daniel Kahneman|2011|psychology;decision making;economics|bae
The Immortal Life of Henrietta Lacks|Rebecca Skloot|2010|science;medical ethics;biography|bae
Braiding Sweetgrass|Robin Wall Kimmerer|2013|nature;botany;indigenous knowledge|bae
Born a Crime|Trevor Noah|2016|memoir;south africa;humor|bae
Hidden Figures|Margot Lee Shetterly|2016|history;nasa;african american women;mathematics|bde
The Boys in the Boat|Daniel James Brown|2013|history;rowing;olympics;1936|blade
Unbroken|Laura Hillenbrand|2010|biography;world war ii;survival|bde
Into the Wild|Jon Krakauer|1996|biography;alaska;wilderness|bde
The Omnivore's Dilemma|Michael Pollan|2006|food;agriculture;nature|be
Salt, Fat, Acid, Heat|Samin Nosrat|2017|cooking;techniques|be
The Joy of Cooking|Irma S. Rombauer|1931|cooking;reference|b
Quiet: The Power of Introverts|Susan Cain|2012|psychology;introversion|bae
The Body Keeps the Score|Bessel van der Kolk|2014|psychology;trauma;mental health|bae
Killers of the Flower Moon|David Grann|2017|history;osage nation;true crime;fbi|bade
The Wager|David Grann|2023|history;shipwrecks;sea stories|bae
Casablanca|Michael Curtiz|1942|movies;world war ii;romance|d
The Wizard of Oz|Victor Fleming|1939|movies;musicals;family films|d
Spirited Away|Hayao Miyazaki|2001|movies;animation;fantasy|d
My Neighbor Totoro|Hayao Miyazaki|1988|movies;animation;family films|d
The Princess Bride|Rob Reiner|1987|movies;fantasy;comedy|d
Planet Earth|BBC Natural History Unit|2006|documentaries;nature;animals|d
Merriam-Webster's Collegiate Dictionary|Merriam-Webster|2020|reference;dictionaries;english language|b
Riverbend County Atlas|Riverbend County Historical Society|2015|reference;maps;local history|b
`;

const firstNames = [
  'Amelia',
  'Daniel',
  'Priya',
  'Marcus',
  'Elena',
  'Thomas',
  'Grace',
  'Samuel',
  'Nadia',
  'Owen',
  'Lucia',
  'Henry',
  'Maya',
  'Julian',
  'Rosa',
  'Felix',
  'Hannah',
  'Victor',
  'Ines',
  'Caleb',
  'Margaret',
  'Jonah',
  'Leila',
  'Patrick',
  'Sofia',
  'Walter',
  'Camille',
  'Isaac',
  'Tessa',
  'Rafael',
];
const lastNames = [
  'Whitfield',
  'Okafor',
  'Lindqvist',
  'Marlowe',
  'Castellanos',
  'Hargrove',
  'Nakamura',
  'Brennan',
  'Delacroix',
  'Ashworth',
  'Kowalski',
  'Ferreira',
  'Sutherland',
  'Abernathy',
  'Varga',
  'Mendel',
  'Holloway',
  'Quinlan',
  'Rasmussen',
  'Thorne',
  'Adeyemi',
  'Calloway',
  'Everly',
  'Pemberton',
];
const places = [
  'Lisbon',
  'the Lowlands',
  'Blackwater Bay',
  'Avalon Street',
  'the Northern Sea',
  'Cedar Falls',
  'Marrakesh',
  'the Prairie',
  'Harbor Town',
  'Kyoto',
  'the Old Mill',
  'Willow Creek',
  'Saint Clair',
  'the Orchard',
  'Alder Island',
];
const adjectives = [
  'Silent',
  'Lost',
  'Hidden',
  'Winter',
  'Last',
  'Golden',
  'Distant',
  'Broken',
  'Quiet',
  'Burning',
  'Paper',
  'Glass',
  'Forgotten',
  'Wild',
  'Crimson',
  'Salt',
  'Midsummer',
  'Invisible',
];
const nouns = [
  'Harbor',
  'Orchard',
  'Lighthouse',
  'Garden',
  'Ferryman',
  'Cartographer',
  'Inheritance',
  'Bridge',
  'Apothecary',
  'Daughter',
  'Archive',
  'Observatory',
  'Tide',
  'Letters',
  'Beekeeper',
  'Clockmaker',
  'Promise',
  'Shore',
  'Season',
  'Violin',
];
const seasons = ['Summer', 'Winter', 'Spring', 'Autumn', 'Year', 'Season'];
const fictionGenres: string[][] = [
  ['fiction', 'literary fiction', 'family'],
  ['mystery', 'detectives', 'small towns'],
  ['historical fiction', 'world war i'],
  ['romance', 'second chances'],
  ['thriller', 'suspense'],
  ['fantasy', 'magic'],
  ['science fiction', 'space'],
  ['fiction', 'friendship', 'book clubs'],
];
const howToTopics: [string, string[]][] = [
  ['Sourdough Baking', ['cooking', 'baking', 'bread']],
  ['Container Gardening', ['gardening', 'small spaces']],
  ['Personal Finance', ['money', 'budgeting', 'personal finance']],
  ['Beginning Watercolor', ['art', 'painting', 'watercolor']],
  ['Home Repair', ['home improvement', 'repair', 'diy']],
  ['Birdwatching', ['nature', 'birds', 'field guides']],
  ['Knitting', ['crafts', 'knitting', 'needlework']],
  ['Python Programming', ['computers', 'programming', 'python']],
  ['Family History Research', ['genealogy', 'family history']],
  ['Running', ['health', 'fitness', 'running']],
  ['Retirement Planning', ['money', 'retirement']],
  ['Job Interviews', ['careers', 'job hunting']],
  ['Vegetarian Cooking', ['cooking', 'vegetarian']],
  ['Photography', ['art', 'photography', 'cameras']],
  ['Woodworking', ['crafts', 'woodworking', 'diy']],
  ['Meditation', ['health', 'mindfulness', 'meditation']],
  ['Small Business', ['business', 'entrepreneurship']],
  ['Learning Spanish', ['languages', 'spanish']],
  ['Raising Chickens', ['farming', 'chickens', 'backyard']],
  ['Canning and Preserving', ['cooking', 'food preservation']],
];
const howToPatterns = [
  (t: string) => `${t}: A Practical Guide`,
  (t: string) => `The Everyday Book of ${t}`,
  (t: string) => `${t} for Beginners`,
  (t: string) => `Getting Started with ${t}`,
];
const historyTopics: [string, string[]][] = [
  ['the Erie Canal', ['history', 'canals', 'new york']],
  ['the Mississippi River', ['history', 'rivers', 'midwest']],
  ['the Transcontinental Railroad', ['history', 'railroads']],
  ['the Dust Bowl', ['history', 'great depression', 'farming']],
  ['the Apollo Program', ['history', 'space', 'nasa']],
  ['the Silk Road', ['history', 'trade', 'asia']],
  ['the Printing Press', ['history', 'books and reading', 'inventions']],
  ['the Great Lakes', ['history', 'nature', 'midwest']],
  ['the Public Library', ['history', 'libraries']],
  ['the Suffrage Movement', ['history', 'women', 'voting rights']],
];
const historyPatterns = [
  (t: string) => `A Short History of ${t}`,
  (t: string) => `The Story of ${t}`,
  (t: string) => `Voices from ${t}`,
];
const childrenCharacters = ['Pip', 'Luna', 'Otis', 'Mabel', 'Rufus', 'Juniper', 'Ziggy', 'Clementine'];
const childrenThings = [
  'the Moon Balloon',
  'the Very Big Snow',
  'the Lost Mitten',
  'the Library Dragon',
  'the Rainy Day',
  'the Backyard Camp',
  'the Busy Bakery',
  'the Secret Garden Gate',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function parseKnownWorks(): SeedWork[] {
  return knownWorks
    .trim()
    .split('\n')
    .map((line) => {
      const [title, author, year, subjects, formats] = line.split('|');
      const formatList = [...formats.trim()]
        .map((letter) => formatLetters[letter])
        .filter((f): f is CatalogFormat => f !== undefined);
      const subjectList = subjects.split(';').map((s) => s.trim());
      return {
        title,
        author,
        year: Number(year),
        subjects: subjectList,
        formats: [...new Set(formatList)],
        libraryUseOnly: subjectList.includes('reference') && !subjectList.includes('cooking'),
      };
    });
}

function generatedWorks(random: () => number, taken: Set<string>): SeedWork[] {
  const works: SeedWork[] = [];
  const add = (work: SeedWork) => {
    const key = work.title.toLowerCase();
    if (taken.has(key)) return;
    taken.add(key);
    works.push(work);
  };
  const author = () => `${pick(random, firstNames)} ${pick(random, lastNames)}`;
  const year = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const fictionFormats = (): CatalogFormat[] => {
    const formats: CatalogFormat[] = ['book'];
    if (random() < 0.3) formats.push('large-print');
    if (random() < 0.35) formats.push('audiobook');
    if (random() < 0.5) formats.push('ebook');
    return formats;
  };

  // Novels: "The Silent Harbor", "The Beekeeper of Lisbon", "One Summer in Kyoto".
  for (let i = 0; works.length < 190 && i < 2000; i += 1) {
    const shape = random();
    const title =
      shape < 0.4
        ? `The ${pick(random, adjectives)} ${pick(random, nouns)}`
        : shape < 0.75
          ? `The ${pick(random, nouns)} of ${pick(random, places)}`
          : `${pick(random, ['One', 'The Last', 'A Long', 'That'])} ${pick(random, seasons)} in ${pick(random, places)}`;
    add({
      title,
      author: author(),
      year: year(1995, 2025),
      subjects: pick(random, fictionGenres),
      formats: fictionFormats(),
    });
  }
  for (const [topic, subjects] of howToTopics) {
    const pattern = pick(random, howToPatterns);
    add({
      title: pattern(topic),
      author: author(),
      year: year(2008, 2025),
      subjects,
      formats: random() < 0.4 ? ['book', 'ebook'] : ['book'],
    });
  }
  for (const [topic, subjects] of historyTopics) {
    for (const pattern of historyPatterns) {
      if (random() < 0.5) continue;
      add({
        title: pattern(topic),
        author: author(),
        year: year(1985, 2024),
        subjects,
        formats: fictionFormats(),
      });
    }
  }
  for (const character of childrenCharacters) {
    for (const thing of childrenThings) {
      if (random() < 0.55) continue;
      add({
        title: `${character} and ${thing}`,
        author: author(),
        year: year(2005, 2025),
        subjects: ['picture books', 'children'],
        formats: ['book'],
      });
    }
  }
  return works;
}

/** The whole demo collection, in a stable order. */
export function demoCatalog(): SeedWork[] {
  const known = parseKnownWorks();
  const taken = new Set(known.map((w) => w.title.toLowerCase()));
  return [...known, ...generatedWorks(seededRandom(20260101), taken)];
}
