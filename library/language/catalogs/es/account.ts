// Español: the account: checkouts, renewals, fines, pause (dialogs/account/); la misma forma que ../en/account.ts.
import type { AccountMessages } from '../en/account';
import { plural } from '../../plural';

const items = (n: number) => plural('es', n, { one: '1 préstamo', other: '{n} préstamos' });
const days = (n: number) => plural('es', n, { one: '1 día', other: '{n} días' });

export const accountEs: AccountMessages = {
  overdueDaysAgo: (day, n) => `Vencido: vencía el ${day} (hace ${days(n)})`,
  overdue: (day) => `Vencido: vencía el ${day}`,
  dueToday: (day) => `Vence hoy, ${day}`,
  dueTomorrow: (day) => `Vence mañana, ${day}`,
  dueInDays: (day, n) => `Vence el ${day} (en ${days(n)})`,
  due: (day) => `Vence el ${day}`,
  refusalReasons: {
    'on-hold-for-others': 'otra persona lo tiene reservado',
    'renewal-limit': 'ya se renovó el máximo de veces',
    'patron-blocked': 'su cuenta está bloqueada',
    'too-soon': 'todavía es pronto para renovarlo',
    'not-renewable': 'este artículo no se puede renovar',
    other: 'el sistema de la biblioteca no dijo por qué',
  },
  canRenew: 'Se puede renovar',
  canRenewLeft: (left) =>
    `Se puede renovar (${plural('es', left, { one: 'queda 1 renovación', other: 'quedan {n} renovaciones' })})`,
  cannotRenew: (reason) => `No se puede renovar: ${reason}`,
  renewRequest: (title) => `renovar ${title}`,
  renewThis: 'Renovar este',
  footerAsks: { renewAll: '"renovar todo"', renewTitle: '"renovar" y un título', owe: '"cuánto debo"' },
  footer: (asks) => {
    const last = asks[asks.length - 1];
    const rest = asks.slice(0, -1);
    return `Puede escribir ${rest.length ? `${rest.join(', ')} o ${last}` : last}.`;
  },
  nothingOut: 'Ahora no tiene ningún préstamo.',
  nextDue: (n, title, due) =>
    `Tiene ${items(n)}. El próximo en vencer es ${title}: ${due.charAt(0).toLowerCase()}${due.slice(1)}.`,
  oneOverdue: (n, title, day) => `Tiene ${items(n)}, y 1 está vencido: ${title}, vencía el ${day}.`,
  someOverdue: (n, overdue) => `Tiene ${items(n)}, y ${overdue} están vencidos.`,
  checkoutsTitle: (n) => (n === 1 ? 'Su préstamo' : `Sus ${n} préstamos`),
  whichToRenew: '¿Cuál quiere renovar?',
  allOfThem: 'Todos',
  none: 'Ninguno',
  returnBy: (day) => ` Devuélvalo a más tardar el ${day}.`,
  advice: {
    onHoldForOthers: (returnBy) => `otra persona lo tiene reservado.${returnBy}`,
    renewalLimit: (returnBy) => `ya se renovó el máximo de veces.${returnBy}`,
    blocked: (because) => `${because}. Escriba "cuánto debo" para ver por qué y cómo resolverlo.`,
    tooSoon: 'todavía es pronto para renovarlo. Inténtelo más cerca de la fecha de vencimiento.',
    notRenewable: (returnBy) => `este artículo no se puede renovar.${returnBy}`,
    other: (phone) =>
      `el sistema de la biblioteca lo rechazó sin una razón que yo pueda leer. El personal puede decirle por qué: llame al ${phone}.`,
  },
  blockedBecause: (reasons) =>
    reasons.length === 0 ? 'su cuenta está bloqueada' : `su cuenta está bloqueada por ${reasons.join(' y ')}`,
  renewedLine: (day) => `Renovado: ahora vence el ${day}`,
  notRenewedLine: (advice) => `No renovado: ${advice}`,
  nothingToRenew: 'No tiene préstamos que renovar.',
  renewedNothing: 'Muy bien, no renové nada.',
  renewedOne: (title, day) => `Renovado: ${title} ahora vence el ${day}.`,
  couldNotRenew: (title, advice) => `No pude renovar ${title}: ${advice}`,
  couldNotRenewAny: (advice) => `No pude renovar nada: ${advice}`,
  renewedAll: (n) => `Listo: renové sus ${n} préstamos.`,
  renewedNone: (n) => `No pude renovar ninguno de sus ${n} préstamos. Estas son las razones:`,
  renewedSome: (renewed, n) => `Renové ${renewed} de sus ${n} préstamos.`,
  renewalsTitle: 'Renovaciones',
  clears: (kind, phone) =>
    ({
      fines: 'cuando se pague',
      'expired-card': 'cuando renueve la tarjeta en cualquier sucursal (traiga una identificación con foto)',
      'lost-card': 'cuando tenga una tarjeta nueva de cualquier sucursal',
      'overdue-items': 'cuando devuelva los artículos vencidos',
      other: `cuando el personal lo resuelva: llame al ${phone}`,
    })[kind],
  blockSentence: (description, clears) =>
    `Su cuenta está bloqueada por ${description}, así que no puede hacer reservas ni renovar. Eso termina ${clears}.`,
  callToPay: (phone) => `Para pagar o preguntar por un cargo, llame al ${phone}.`,
  more: (link) => `\nMás información: ${link}`,
  howToPay: (text) => `Cómo pagar: ${text}`,
  saysPaymentFaq: false,
  finesUnknown: (phone) =>
    `Con el sistema de esta biblioteca no puedo ver multas ni cargos aquí. El personal puede decírselo: llame al ${phone}.`,
  oweNothingBlocked: (blocked) => `No debe nada. ${blocked}`,
  oweNothing: 'No debe nada y su cuenta está al día.',
  youOwe: (total) => `Debe ${total}.`,
  notBlocked: 'Su cuenta no está bloqueada: puede seguir haciendo reservas y renovando.',
  oweNotBlocking: (total) => ` Debe ${total}, pero eso no bloquea su cuenta.`,
  atHoldLimit: (holds, owed) =>
    `Tiene ${plural('es', holds, { one: '1 reserva', other: '{n} reservas' })}, el máximo de su cuenta, así que una reserva nueva tiene que esperar a que recoja o cancele otra.${owed}`,
  nothingStopsHolds: (owed) =>
    `Nada en su cuenta le impide hacer reservas.${owed} Dígame un título y lo intento.`,
  notSupportedWhat: {
    checkouts: 'mostrar sus préstamos',
    renew: 'renovar préstamos',
    fines: 'mostrar multas y cargos',
  },
  notSupported: (what, website, phone) =>
    `En este chat no puedo ${what} con el sistema de esta biblioteca. Puede hacerlo en su cuenta de la biblioteca${website ? ` en ${website}` : ''}, o llamar al ${phone}.`,
};
