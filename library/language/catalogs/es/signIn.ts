// Español: sign-in and sign-out (dialogs/holds/patronSignInDialog.ts, patronSignOutDialog.ts, sensitive input); la misma forma que ../en/signIn.ts.
import type { SignInMessages } from '../en/signIn';
import { plural } from '../../plural';

export const signInEs: SignInMessages = {
  askCard:
    'Primero necesito identificarle. ¿Cuál es el número de su tarjeta de la biblioteca? Es el número largo al reverso de la tarjeta.',
  askCardFor: (purpose, askCard) => `Para ${purpose}, ${askCard.charAt(0).toLowerCase()}${askCard.slice(1)}`,
  askPin: 'Gracias. Ahora su PIN, por favor. No lo repetiré ni lo guardaré.',
  notACard:
    'Eso no parece un número de tarjeta de la biblioteca. Es el número largo al reverso de la tarjeta.',
  notVerified: (attemptsLeft) =>
    'El número de tarjeta y el PIN no coinciden con nuestros registros.' +
    (attemptsLeft > 0 && attemptsLeft <= 2
      ? ` (${plural('es', attemptsLeft, { one: 'Le queda 1 intento', other: 'Le quedan {n} intentos' })} antes de que se pause el acceso).`
      : '') +
    ' Probemos de nuevo: ¿cuál es el número de su tarjeta?',
  locked: (minutes, phone) =>
    `Por su seguridad, el acceso se pausa después de varios intentos fallidos. Inténtelo de nuevo en ${plural('es', minutes, { one: '1 minuto', other: '{n} minutos' })}, o llame al ${phone} y el personal le ayudará.`,
  pinNotRead: 'Perdón, necesito pedirle el PIN otra vez. Envíe solo su PIN.',
  signedIn: (firstName) => `Gracias, ${firstName}: ya inició sesión.`,
  expired: 'Cerré su sesión tras un rato sin actividad, para proteger su cuenta.',
  restarted: 'Su sesión se cerró (puede que me hayan reiniciado), para proteger su cuenta.',
  signedOut: 'Sesión cerrada. Nadie que use este dispositivo puede ver su cuenta ahora.',
  notSignedIn: 'No tenía la sesión iniciada.',
  stopped: 'Muy bien, lo dejé. ¿En qué más le puedo ayudar?',
  tookAWhile: 'Perdón, eso tardó demasiado. Se lo pregunto de nuevo.',
  giveUp: (phone) => `Dejemos el acceso por ahora. Puede intentarlo cuando quiera, o llamar al ${phone}.`,
  signInAgain: 'Identifíquese de nuevo: escriba "mis reservas" para empezar.',
  unaskedSecret:
    'No lo guardé: parecía un PIN o un número de tarjeta, y solo los acepto justo después de pedirlos. ' +
    'Para identificarse, pregunte por sus reservas y le pediré primero el número de su tarjeta.',
  entraTitle: (purpose) => `Para ${purpose}, primero inicie sesión`,
  entraItem: 'Inicie sesión con su cuenta de la biblioteca',
  entraLine: 'Se abre su página de inicio de sesión. Cuando termine, vuelva aquí y pregunte otra vez.',
  entraLink: 'Iniciar sesión',
  purposes: {
    seeHolds: 'ver sus reservas',
    placeHold: 'hacer una reserva',
    cancelHold: 'cancelar una reserva',
    changeHold: 'cambiar una reserva',
    pauseHold: 'pausar una reserva',
    resumeHold: 'reactivar una reserva',
    checkouts: 'ver sus préstamos',
    renew: 'renovar sus préstamos',
    account: 'ver su cuenta',
    other: 'hacer eso',
  },
};
