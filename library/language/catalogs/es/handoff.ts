// Español: handoff to staff: escalation offers, queue, relay notices, messages and tickets (dialogs/handoff/, bots/handoff/); la misma forma que ../en/handoff.ts.
import type { DateTime } from 'luxon';
import { formatDate } from '../../locale';
import { plural } from '../../plural';
import type { HandoffMessages } from '../en/handoff';
import { clockTime, sentence } from './spanishText';

/** "a las 9:00 a. m." / "a la 1:00 p. m.". */
function atClock(at: DateTime): string {
  return `${at.hour % 12 === 1 ? 'a la' : 'a las'} ${clockTime(at)}`;
}

/** "hoy a las 5:00 p. m.", "mañana a las 9:00 a. m.", "el lunes a las 9:00 a. m.": Spanish says both alike. */
function dayAndClock(at: DateTime, days: number): string {
  if (days === 0) return `hoy ${atClock(at)}`;
  if (days === 1) return `mañana ${atClock(at)}`;
  return `el ${formatDate(at, 'es', 'cccc')} ${atClock(at)}`;
}

export const handoffEs: HandoffMessages = {
  offerYes: 'Sí',
  offerNo: 'No',
  leaveMessageYes: 'Dejar un mensaje',
  leaveMessageNo: 'No, gracias',
  contact: {
    thisChat: { label: 'Responder en este chat', value: 'en este chat' },
    sms: { label: 'Mensaje de texto', value: 'mensaje de texto' },
    phone: { label: 'Llamada', value: 'llamada' },
    email: { label: 'Correo electrónico', value: 'correo electronico' },
  },
  offer: {
    misunderstood: 'Perdone, no le estoy entendiendo. ¿Quiere que llame a una persona de la biblioteca?',
    frustrated: 'Lamento que esto le esté costando. ¿Quiere que llame a una persona de la biblioteca?',
    'always-human': 'De eso se encarga nuestro personal directamente. ¿Quiere que llame a una persona?',
    failure: 'Ahora no puedo consultar esa información. ¿Quiere que llame a una persona de la biblioteca?',
    other: '¿Quiere que llame a una persona de la biblioteca?',
  },
  chooseOne: 'Perdone, no le entendí. Elija una de estas opciones, por favor.',
  yesOrNo: 'Perdone, ¿eso fue un sí o un no?',
  badEmail: 'Eso no parece un correo electrónico. Escríbalo así: nombre@ejemplo.org.',
  badPhone: 'Eso no parece un número de teléfono. Escriba los dígitos, por ejemplo 555-010-2000.',
  messageLength: 'Escriba su mensaje para el personal, por favor (hasta 2,000 caracteres).',
  declined: 'Muy bien. ¿En qué más le puedo ayudar?',
  wait: (minutes) =>
    plural('es', minutes, { one: 'alrededor de 1 minuto', other: 'alrededor de {n} minutos' }),
  queued: (position, wait) =>
    `Estoy llamando a una persona de la biblioteca. Usted es el número ${position} en la fila ` +
    `(espera aproximada: ${wait}). Deje este chat abierto; escriba "salir" para dejar de esperar.`,
  queuedSms: (position, minutes) =>
    `Le comunico con el personal. Es el numero ${position} en la fila (unos ${minutes} min). Responda SALIR para dejar de esperar.`,
  alreadyInLine: (position, wait) =>
    `Ya está en la fila: es el número ${position} (espera aproximada: ${wait}).`,
  alreadyConnected: 'Ya está conectado con el personal de la biblioteca.',
  leaveMessageOffer: (why) => `${why} ¿Quiere dejar un mensaje? El personal le responderá.`,
  howToReach: '¿Cómo prefiere que el personal le responda?',
  noMessage: (phone) => `Muy bien. También puede llamarnos al ${phone}. ¿En qué más le puedo ayudar?`,
  askEmail: '¿A qué correo electrónico le escribimos?',
  askPhone: '¿A qué número de teléfono le contactamos?',
  askMessage: '¿Qué le quiere preguntar al personal? Por favor, no incluya su PIN ni su contraseña.',
  replyHow: {
    thisChat: 'en este chat',
    email: (email) => `por correo electrónico a ${email}`,
    sms: (phone) => `por mensaje de texto al ${phone}`,
    phone: (phone) => `por teléfono al ${phone}`,
  },
  saved: (how, next) =>
    sentence(
      `Gracias, su mensaje quedó guardado. El personal le responderá ${how}, normalmente a partir ${
        next.startsWith('el ') ? `del ${next.slice(3)}` : `de ${next}`
      }`,
    ),
  nextStaffed: dayAndClock,
  staffedUntil: dayAndClock,
  outsideChatHours: (next) =>
    `En este momento el personal de la biblioteca no está disponible para chatear.${next ? ` ${sentence(`Estará disponible de nuevo ${next}`)}` : ''}`,
  nobodyPresent: (phone, until, next) => {
    const later = next ? `; si no, vuelve a estar disponible ${next}` : '';
    const when = until
      ? ` ${sentence(`Hay personal en el chat hasta ${until}, así que puede que alguien vuelva pronto${later}`)}`
      : '';
    return `Ahora mismo no hay nadie del personal libre para chatear.${when} Puede llamarnos al ${phone}.`;
  },
  leaveWords:
    /^(salir|me salgo|terminar|terminar (el )?chat|cancelar|dejar de esperar|salir de la fila|adios|chao|chau)[.!]*$/i,
  waiting: (position, wait) =>
    `Es el número ${position} en la fila (${wait}). Una persona del personal se unirá aquí. Escriba "salir" para dejar de esperar.`,
  waitingShortly: 'Una persona del personal se unirá aquí en breve. Escriba "salir" para dejar de esperar.',
  nowInLine: (position, wait) => `Ahora es el número ${position} en la fila (${wait}).`,
  messageOfferDeclined: 'Muy bien. Aquí estoy si necesita algo más.',
  patronLeft: 'Salió del chat con el personal. Aquí sigo si necesita algo.',
  joined: (staff) => `${staff}, de la biblioteca, se unió al chat. Ahora está hablando con una persona.`,
  staffLeft: (staff) => `${staff} salió del chat. Aquí estoy si necesita algo más.`,
  transferred: (from, to) => `${from} pasó su chat a ${to}, que ya le atiende.`,
  staffSays: (staff, text) => `${staff}: ${text}`,
  ticketAnswer: (staff, answer) => `Respuesta de ${staff}, de la biblioteca, a su mensaje: ${answer}`,
  claimTimedOut:
    'Lo siento, nadie del personal ha podido atender su chat. ¿Quiere dejar un mensaje para el personal?',
};
