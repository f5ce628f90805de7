// Sign-in, holds and the account in Spanish (issue 15) on the real composition
// (test/support/botHarness.ts): the trained recognizer, the demo library system and a fixed clock,
// on Web Chat and SMS. Every reply is checked for English sentences (test/support/englishSentences.ts),
// proper names and titles aside, and no PIN or full card number comes back in any reply.
import { expect } from 'chai';
import { es } from '../../library/language/catalogs/es';
import type { BotHarness } from '../support/botHarness';
import { spanishConversations, startSpanishHarness } from '../support/spanishChat';
import { isPersonRequest, isSignOutRequest, isStopRequest } from '../../dialogs/holds/holdsReplies';

const JORDAN = { card: '21000000000001', pin: '2468' };
const SAM = { card: '21000000000002', pin: '1357' };
const AVERY = { card: '21000000000005', pin: '8642' };

describe('sign-in, holds and the account in Spanish (issue 15)', function () {
  this.timeout(90_000);
  let harness: BotHarness;
  // A fresh demo library system for each conversation: holds placed, cancelled or renewed stay put.
  beforeEach(async () => {
    harness = await startSpanishHarness();
  });
  afterEach(() => harness.close());

  const conversations = spanishConversations(() => harness, 'es-holds');
  const chat = (channel: string) => {
    const reply = conversations(channel);
    const secrets: string[] = [];
    const say = async (text: string) => {
      const all = (await reply(text)).join('\n');
      for (const secret of secrets) expect(all, `"${secret}" said back`).to.not.include(secret);
      return all;
    };
    const signIn = async (request: string, patron: { card: string; pin: string }) => {
      secrets.push(patron.card, patron.pin);
      expect(await say(request)).to.match(
        /primero necesito identificarle\. ¿Cuál es el número de su tarjeta/,
      );
      expect(await say(patron.card)).to.equal(
        'Gracias. Ahora su PIN, por favor. No lo repetiré ni lo guardaré.',
      );
      return say(patron.pin);
    };
    return { say, signIn, secrets };
  };

  for (const channel of ['webchat', 'sms']) {
    it(`signs in after a wrong PIN, lists, cancels and signs out (${channel})`, async () => {
      const { say, secrets } = chat(channel);
      secrets.push(JORDAN.card, JORDAN.pin, '1111');
      expect(await say('quiero ver mis reservas')).to.match(/^Para ver sus reservas, primero necesito/);
      await say(JORDAN.card);
      expect(await say('1111')).to.match(
        /^El número de tarjeta y el PIN no coinciden con nuestros registros\..*¿cuál es el número de su tarjeta\?$/,
      );
      await say(JORDAN.card);
      const list = await say(JORDAN.pin);
      expect(list).to.include('Gracias, Jordan: ya inició sesión.').and.include('Sus 3 reservas');
      expect(list).to.include(
        'Lista para recoger en Eastside Branch: recójala hasta el sábado 5 de diciembre',
      );
      expect(list).to.include('En camino a Main Library');
      expect(list).to.include('En espera: puesto 3 de 3, para recoger en Main Library');
      expect(list).to.include('Libro de Matt Haig');
      expect(await say('cancelar la reserva de project hail mary')).to.include(
        '¿Cancelo su reserva de Project Hail Mary (Libro)? Perderá su lugar en la lista de espera (3.º).',
      );
      expect(await say('sí')).to.equal('Su reserva de Project Hail Mary está cancelada.');
      expect(await say('mis libros apartados')).to.include('Sus 2 reservas');
      expect(await say('cerrar sesión')).to.equal(
        'Sesión cerrada. Nadie que use este dispositivo puede ver su cuenta ahora.',
      );
    });
  }

  it('pauses sign-in after repeated wrong PINs, in Spanish (sms)', async () => {
    const { say, secrets } = chat('sms');
    secrets.push(SAM.card, '0000', '0001', '0002', '0003', '0004', '0005');
    await say('mis reservas');
    let last = '';
    for (const pin of ['0000', '0001', '0002', '0003', '0004', '0005']) {
      await say(SAM.card);
      last = await say(pin);
      if (/se pausa/.test(last) && !/Le queda/.test(last)) break;
    }
    expect(last).to.match(/^Por su seguridad, el acceso se pausa después de varios intentos fallidos\./);
    expect(last).to.match(/Inténtelo de nuevo en \d+ minutos?, o llame al \(555\) 010-2000/);
  });

  for (const channel of ['webchat', 'sms']) {
    it(`places a hold and changes its pickup branch (${channel})`, async () => {
      const { say, signIn } = chat(channel);
      expect(await signIn('quiero reservar un libro', SAM)).to.include(
        '¿Qué quiere reservar? Dígame un título, un autor o los dos.',
      );
      expect(await say('dune')).to.match(/Encontré esto\. ¿Es el que busca\?/);
      expect(await say('1')).to.match(/Dune está en 5 formatos\. ¿Cuál quiere\?/);
      expect(await say('1')).to.include(
        '¿Reservo Dune (Libro) para recoger en Eastside Branch, su sucursal?',
      );
      expect(await say('dale')).to.match(/^Listo: hizo la reserva de Dune \(Libro\)\./);
      expect(await say('cambiar la reserva de dune a oak hill')).to.include(
        '¿Recoger Dune (Libro) en Oak Hill Branch en vez de Eastside Branch?',
      );
      expect(await say('si')).to.match(
        /^Listo: su reserva de Dune ahora es para recoger en Oak Hill Branch\./,
      );
    });
  }

  it('pauses a hold in Spanish (webchat)', async () => {
    const { say, signIn } = chat('webchat');
    await signIn('mis reservas', JORDAN);
    expect(await say('pausar mi reserva de project hail mary')).to.include(
      '¿Pauso su reserva de Project Hail Mary (Libro) hasta que la reactive?',
    );
    expect(await say('claro')).to.match(
      /^Pausada: su reserva de Project Hail Mary mantiene su lugar en la lista\./,
    );
  });

  for (const channel of ['webchat', 'sms']) {
    it(`lists checkouts, renews and answers "cuanto debo" (${channel})`, async () => {
      const { say, signIn } = chat(channel);
      const checkouts = await signIn('que libros tengo prestados', AVERY);
      expect(checkouts).to.include('Tiene 4 préstamos, y 1 está vencido: The Thursday Murder Club');
      expect(checkouts).to.include('Vencido: vencía el viernes 27 de noviembre (hace 4 días)');
      expect(checkouts).to.include('Vence el jueves 3 de diciembre (en 2 días)');
      const renewed = await say('renovar mis libros');
      expect(renewed).to.include('Renové 2 de sus 4 préstamos.');
      expect(renewed).to.include('Renovado: ahora vence el martes 22 de diciembre');
      expect(renewed).to.include('No renovado: otra persona lo tiene reservado.');
      const fines = await say('cuanto debo');
      expect(fines).to.include('Debe $3.00.');
      expect(fines).to.include('Su cuenta no está bloqueada');
      expect(fines).to.include('Para pagar o preguntar por un cargo, llame al (555) 010-2000.');
    });
  }

  it('withholds a PIN typed when none was asked, and says why in Spanish over SMS (no locale)', async () => {
    const { say, secrets } = chat('sms');
    secrets.push(JORDAN.card, JORDAN.pin);
    await say('quiero ver mis reservas');
    await say(JORDAN.card);
    expect(await say('a que hora cierran hoy la main library')).to.match(/Main Library/);
    expect(await say(JORDAN.pin)).to.equal(es.signIn.unaskedSecret);
  });

  it('reads Spanish stop, sign-out and person requests', () => {
    expect(['cancelar', 'Basta.', 'no gracias', 'olvídelo'].every(isStopRequest)).to.equal(true);
    expect(isStopRequest('cancelar la reserva de dune')).to.equal(false);
    expect(['cerrar sesión', 'Cerrar mi sesion', 'salir de mi cuenta'].every(isSignOutRequest)).to.equal(
      true,
    );
    expect(['quiero hablar con una persona', 'hablar con alguien'].every(isPersonRequest)).to.equal(true);
  });
});
