// Español: the patron page's own texts: title, placeholder, buttons, welcome (server/webChatPage.ts and its script); la misma forma que ../en/page.ts.
import type { PageMessages } from '../en/page';

export const pageEs: PageMessages = {
  webChatLocale: 'es-ES',
  title: 'Chat con {library}',
  intro:
    'Pregunte por el horario, las actividades, sus reservas, la tarjeta de la biblioteca y más. Una persona puede unirse cuando la necesite.',
  skipLink: 'Ir al chat',
  chatRegion: 'Chat con {library}',
  clearChat: 'Borrar este chat',
  inputLabel: 'Su mensaje para {library}',
  placeholder: 'Escriba su pregunta',
  send: 'Enviar',
  pinLabel: 'Su PIN',
  pinSent: 'PIN enviado',
  pinFailed: 'No se pudo enviar su PIN. Inténtelo de nuevo.',
  cardLabel: 'Su número de tarjeta de la biblioteca',
  cardSent: 'Número de tarjeta enviado',
  cardFailed: 'No se pudo enviar su número de tarjeta. Inténtelo de nuevo.',
  sensitiveHint: 'Se oculta mientras escribe y no se muestra después en el chat.',
  otherTopic: 'Preguntar otra cosa',
  signedOut:
    'Cerró la sesión, y este chat se borró de la pantalla para que la próxima persona no pueda verlo.',
  cleared: 'Este chat se borró de la pantalla. Puede empezar de nuevo abajo.',
  idle: 'Este chat se borró tras {minutes} minutos sin actividad, para que la próxima persona no pueda verlo.',
  failed: 'Perdón, el chat no pudo iniciarse. Vuelva a cargar la página o llámenos al {phone}.',
  launcher: 'Chat con {short}',
  closeChat: 'Cerrar el chat',
};
