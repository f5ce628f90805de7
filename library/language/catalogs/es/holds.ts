// Español: holds: list, place, cancel, change (dialogs/holds/); la misma forma que ../en/holds.ts.
// Corto para SMS; "reserva" como en la mayoría de las bibliotecas de EE. UU. en español.
import type { HoldsMessages } from '../en/holds';
import { plural } from '../../plural';

/** "a, b o c". */
function orList(items: string[]): string {
  return items.join(', ').replace(/, ([^,]+)$/, ' o $1');
}

export const holdsEs: HoldsMessages = {
  formats: {
    book: 'Libro',
    'large-print': 'Letra grande',
    audiobook: 'Audiolibro (CD)',
    dvd: 'DVD',
    ebook: 'Libro electrónico',
  },
  ordinal: (n) => `${n}.º`,
  formatBy: (format, author) => `${format} de ${author}`,
  atBranch: (branch) => ` en ${branch}`,
  toBranch: (branch) => ` a ${branch}`,
  pickUpBy: (day) => `: recójala hasta el ${day}`,
  pausedUntil: (day) => ` hasta el ${day}`,
  placeInLine: (position, length) =>
    position === undefined
      ? 'en la lista de espera'
      : `puesto ${position}${length === undefined ? '' : ` de ${length}`}`,
  ready: (atBranch, pickUpBy) => `Lista para recoger${atBranch}${pickUpBy}`,
  inTransit: (toBranch) => (toBranch ? `En camino${toBranch}` : 'En camino'),
  waiting: (paused, place, atBranch) =>
    `${paused === undefined ? 'En espera' : `Pausada${paused}`}: ${place}${atBranch ? `, para recoger${atBranch}` : ''}`,
  footerAsks: {
    place: '"reservar un libro"',
    cancel: '"cancelar una reserva"',
    change: '"cambiar la sucursal de recogida"',
    pause: '"pausar una reserva"',
    signOut: '"cerrar sesión"',
  },
  footer: (asks) => `Puede escribir ${orList(asks)}.`,
  none: 'Ahora no tiene reservas. ¿Quiere hacer una? Dígame un título o un autor.',
  noneReady: 'Ninguna de sus reservas está lista para recoger todavía. Así va cada una:',
  oneReady: (title, atBranch) => `Sí: ${title} está lista para recoger${atBranch}.`,
  someReady: (count) => `Sí: ${count} de sus reservas están listas para recoger.`,
  listTitle: (count) => (count === 1 ? 'Su reserva' : `Sus ${count} reservas`),
  namedTitle: (titles) => (titles.length === 1 ? `Su reserva de ${titles[0]}` : 'Esas reservas'),
  noPickUpDate:
    'Ninguna de sus reservas está lista todavía, así que no hay fecha para recoger. Se la mostraré aquí cuando una esté lista.',
  pickUpByLine: (title, branch, day) => `${title} en ${branch}: recójala hasta el ${day}.`,
  alreadyHeld: (title, status) => `Ya tiene una reserva de ${title}. ${status}.`,
  offerOthers: (count) =>
    `¿Quiere ver también ${plural('es', count, { one: 'su otra reserva', other: 'sus otras {n} reservas' })}?`,
  showThem: 'Sí, mostrarlas',
  noThanks: 'No, gracias',
  anythingElse: 'Muy bien. ¿En qué más le puedo ayudar?',
  workLabel: (title, author, year, formats) => `${title} de ${author} (${year}; ${formats.join(', ')})`,
  foundOne: 'Encontré esto. ¿Es el que busca?',
  foundSome: 'Encontré estos. ¿Cuál quiere?',
  foundOneSms: 'Encontré esto. ¿Es el que busca? Responda 1 o sí si lo es, 2 si no:',
  foundSomeSms: 'Encontré estos. Responda con un número:',
  noneOfThese: 'Ninguno de estos',
  ebookOption: 'Libro electrónico (préstelo en la app de lectura digital)',
  onShelf: (format) => `${format} (disponible en el estante)`,
  whichFormat: (title, count) => `${title} está en ${count} formatos. ¿Cuál quiere?`,
  homeBranchOption: (name) => `${name} (su sucursal)`,
  wherePickUp: '¿Dónde quiere recogerlo?',
  yourPickupBranch: 'su sucursal de recogida',
  placedWaiting: (place, branch) =>
    `${place.startsWith('puesto') ? `Está en el ${place} de la lista de espera` : 'Está en la lista de espera'}. Aparecerá aquí como lista cuando un ejemplar llegue a ${branch}.`,
  placedInTransit: (branch) =>
    `Hay un ejemplar disponible y va en camino a ${branch}. Aparecerá aquí como lista cuando llegue.`,
  placedReady: (branch, pickUpBy) => `Está lista para recoger en ${branch}${pickUpBy}.`,
  placed: (title, format, where) => `Listo: hizo la reserva de ${title} (${format}). ${where}`,
  whatToFind: '¿Qué quiere reservar? Dígame un título, un autor o los dos.',
  whatInstead: '¿Qué busco entonces? Un título, un autor o los dos.',
  notInCatalog: 'No encontré nada en el catálogo con eso.',
  differentWords: 'Muy bien, probemos con otras palabras.',
  whichFormatMissed: 'Perdón, no entendí qué formato. Empecemos de nuevo cuando quiera.',
  homeBranchNote: ', su sucursal',
  confirmPlace: (title, format, branch, home) =>
    `¿Reservo ${title} (${format}) para recoger en ${branch}${home}?`,
  placeIt: 'Sí, reservar',
  somewhereElse: 'Recoger en otro lugar',
  no: 'No',
  notPlaced: 'Muy bien, no hice ninguna reserva.',
  whichBranchMissed: 'Perdón, no entendí qué sucursal, así que no hice la reserva.',
  notPlacedYet: (why, title) => `${why} Todavía no reservé ${title}: inicie sesión otra vez y seguimos.`,
  notFound: (website, phone) =>
    `No lo encontré. Puede ${website ? `buscar en el catálogo en ${website}, ` : ''}llamar al ${phone} o pedirme una persona.`,
  whichToCancel: '¿Qué reserva quiere cancelar?',
  noneOption: 'Ninguna',
  titleAndFormat: (title, format) => `${title} (${format})`,
  loseYourPlace: (place) => ` Perderá su lugar en la lista de espera (${place}).`,
  confirmCancel: (item, losing) => `¿Cancelo su reserva de ${item}?${losing}`,
  cancelIt: 'Sí, cancelarla',
  keepIt: 'No, mantenerla',
  cancelled: (title) => `Su reserva de ${title} está cancelada.`,
  noneToCancel: 'No tiene reservas que cancelar.',
  keptAll: 'Muy bien, mantuve todas sus reservas.',
  kept: (title) => `Muy bien, mantuve su reserva de ${title}.`,
  notCaught: 'Perdón, no entendí a cuál se refiere.',
  refusals: {
    thatItem: 'ese título',
    alreadyOnHold: (item) => `Ya tiene una reserva de ${item}. Escriba "mis reservas" para ver cómo va.`,
    holdLimit: (limit) =>
      `Su cuenta ya tiene el máximo de reservas${limit === undefined ? '' : ` (${limit})`}. Cancele una que ya no necesite y vuelva a intentarlo.`,
    blocked: (reasons, phone) =>
      `Su cuenta no puede hacer reservas ahora${reasons.length > 0 ? ` por ${reasons.join(' y ')}` : ''}. Puede pagar en cualquier sucursal o llamar al ${phone}, y las reservas volverán a funcionar.`,
    digital: (item) =>
      `${item} es un libro electrónico: préstelo o únase a su lista de espera en la app de lectura digital de la biblioteca.`,
    libraryUseOnly: (item) => `${item} no sale de la biblioteca: puede consultarlo en cualquier sucursal.`,
    notHoldable: (item) => `${item} no se puede reservar. Puede que lo hayan retirado de la colección.`,
    pickupNotAllowed: 'Ahí no se pueden recoger reservas. Elija una de las sucursales.',
    holdNotFound: 'Ya no encuentro esa reserva en su cuenta. Puede que ya la haya recogido o cancelado.',
    notChangeable: 'Esa reserva ya está en el estante de reservas, así que no se puede cambiar la sucursal.',
    notVerified: 'Inicie sesión otra vez, por favor.',
    checkoutNotFound: (item) => `No encontré ${item} entre sus préstamos.`,
    notSupported: (website, phone) =>
      `Eso no lo puedo hacer en este chat con el sistema de esta biblioteca.${website ? ` Use el catálogo de la biblioteca en ${website}, o llame` : ' Llame'} al ${phone}.`,
  },
  outage: (website, phone) =>
    'Lo siento, el sistema de cuentas de la biblioteca no responde ahora, así que no puedo hacerlo en este momento. ' +
    `Inténtelo en unos minutos,${website ? ` use el catálogo en ${website},` : ''} o llame al ${phone}.`,
  outageOffer: '¿Quiere hablar con alguien del personal?',
  talkToPerson: 'Hablar con una persona',
  change: {
    whichPickup: '¿Qué reserva quiere mandar a otra sucursal?',
    whichPause: '¿Qué reserva quiere pausar?',
    whichResume: '¿Qué reserva quiere reactivar?',
    whereNow: (title) => `¿Dónde quiere recoger ${title}?`,
    insteadOf: (branch) => ` en vez de ${branch}`,
    confirmPickup: (item, branch, from) => `¿Recoger ${item} en ${branch}${from}?`,
    changeIt: 'Sí, cambiarla',
    pickupChanged: (title, branch, status) =>
      `Listo: su reserva de ${title} ahora es para recoger en ${branch}. ${status}.`,
    samePickup: (title, branch) => `Su reserva de ${title} ya es para recoger en ${branch}.`,
    readyHold: (title, atBranch, until) =>
      `Su reserva de ${title} ya le espera en el estante de reservas${atBranch}, así que ya no se puede ` +
      `cambiar la sucursal. Puede recogerla allí${until}, o cancelarla y hacer una reserva nueva.`,
    notPaused: (title) => `Su reserva de ${title} no está pausada.`,
    alreadyPaused: (title) => `Su reserva de ${title} ya está pausada.`,
    onlyWaitingPause: (title, status) =>
      `Solo se puede pausar una reserva que sigue en la lista de espera. Su reserva de ${title}: ${status.charAt(0).toLowerCase()}${status.slice(1)}.`,
    notPickup: (branch) => `En ${branch} no se pueden recoger reservas. Elija una de las sucursales.`,
    noHolds: 'No tiene reservas que cambiar.',
    allOnShelf:
      'Todas sus reservas ya están en el estante de reservas, así que no se puede cambiar la sucursal. Escriba "mis reservas" para ver dónde están.',
    noneWaiting:
      'Solo se puede pausar una reserva que sigue en la lista de espera, y ninguna de las suyas lo está.',
    nonePaused: 'Ninguna de sus reservas está pausada.',
    untilResumed: ' hasta que la reactive',
    confirmPause: (item, when, place) =>
      `¿Pauso su reserva de ${item}${when}? Mantiene su lugar en la lista${place}, pero no se le envía ningún ejemplar mientras esté pausada.`,
    pauseIt: 'Sí, pausarla',
    keepActive: 'No, mantenerla activa',
    startsAgain: (day) => `Se reactiva sola el ${day}.`,
    sayResume: 'Escriba "reactivar mi reserva" cuando la quiera de nuevo.',
    paused: (title, again) => `Pausada: su reserva de ${title} mantiene su lugar en la lista. ${again}`,
    resumed: (title, status) => `Reactivada: su reserva de ${title} está activa otra vez. ${status}.`,
    notSupported: (pickup, phone) =>
      `En este chat no puedo ${pickup ? 'cambiar la sucursal de recogida de una reserva' : 'pausar ni reactivar reservas'} con el sistema de esta biblioteca. El personal puede hacerlo: llame al ${phone}.`,
    noneChanged: 'Muy bien, no cambié ninguna de sus reservas.',
    whichBranchMissed: 'Perdón, no entendí qué sucursal, así que su reserva sigue igual.',
    unchanged: (title) => `Muy bien, su reserva de ${title} sigue igual.`,
    staysActive: (title) => `Muy bien, su reserva de ${title} sigue activa.`,
  },
};
