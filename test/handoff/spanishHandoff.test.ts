// Issue 15: a patron writing in Spanish asks for a person in Web Chat and by SMS and hears nothing but
// Spanish through the queue, the claim, the relay and the end, including the messages sent outside
// their turn; after hours they leave a message and the ticket records the language. Staff (English)
// see the patron's language, and staff who speak it are preferred for the claim.
import { expect } from 'chai';
import { escalationCard, ticketCard } from '../../bots/handoff/staffCards';
import { demoLibraryRecognizer } from '../support/demoLibrary';
import { englishSentences } from '../support/englishSentences';
import {
  type Harness,
  patronSays,
  startHarness,
  workspaceAction,
  workspaceEvent,
  workspaceReply,
  latestWorkspaceSnapshot,
} from './harness';

/** A patron's message on a channel: Web Chat (Direct Line) or SMS (the id is the number texted from). */
function says(channelId: string, conversation: string, text: string) {
  const activity = patronSays(conversation, text);
  return channelId === 'sms'
    ? { ...activity, channelId, from: { id: '+15550104321', name: '' } }
    : { ...activity, channelId };
}

/** Everything said to the patron, with the sentences that read as English. */
function heard(h: Harness, conversation: string): { all: string; english: string[] } {
  const texts = h.connector.sentTo(conversation).flatMap((a) => {
    const cards = JSON.stringify(a.attachments ?? []);
    return [typeof a.text === 'string' ? a.text : '', ...(cards.match(/"text":"[^"]*"/g) ?? [])];
  });
  const all = texts.join('\n');
  return { all, english: texts.flatMap((text) => englishSentences(text)) };
}

const requests = ['quiero hablar con una persona', 'necesito ayuda de alguien', 'un humano porfa'];

/** The demo recognizer (trained or read from the test cache) once, before the timed conversations. */
function loadRecognizer(this: Mocha.Context): void {
  this.timeout(180000);
  demoLibraryRecognizer();
}

for (const channelId of ['directline', 'sms']) {
  describe(`handoff in Spanish (${channelId})`, function () {
    this.timeout(30000);
    before(loadRecognizer);
    let h: Harness;
    afterEach(async () => h && (await h.stop()));

    requests.forEach((request, i) => {
      it(`"${request}": queue, claim, relay, transfer and end, all in Spanish`, async () => {
        h = await startHarness();
        await h.openConsole('console-sam', 'Sam');
        await h.openConsole('console-ana', 'Ana');
        const patron = `es-${channelId}-${i}`;
        await h.send(says(channelId, patron, 'hola, buenos dias'));
        await h.send(says(channelId, patron, request));
        const queued = h.connector.textsTo(patron).join('\n');
        expect(queued).to.match(/número 1 en la fila|numero 1 en la fila/);

        // Staff read English, with the patron's language; Ana speaks Spanish and is preferred.
        const sam = latestWorkspaceSnapshot(h, 'console-sam');
        const ana = latestWorkspaceSnapshot(h, 'console-ana');
        const [place] = sam.queue;
        expect(place.language).to.equal('es');
        expect(place.summary.facts[0]).to.deep.equal({ title: 'Language', value: 'Spanish (español)' });
        expect(place.summary.facts).to.deep.include({ title: 'Speaks it', value: 'Ana' });
        expect(place.forYou).to.equal(false);
        expect(ana.queue[0].forYou).to.equal(true);

        await h.send(workspaceAction('console-ana', { verb: 'handoff.claim', caseId: place.caseId }));
        expect(h.connector.textsTo(patron)).to.include(
          'Ana, de la biblioteca, se unió al chat. Ahora está hablando con una persona.',
        );
        await h.send(says(channelId, patron, 'ya esta mi reserva?'));
        expect(h.connector.textsTo('console-ana')).to.include('Patron: ya esta mi reserva?');
        await h.send(workspaceReply('console-ana', place.caseId, 'Sí, ya está lista en Eastside.'));
        expect(h.connector.textsTo(patron)).to.include('Ana: Sí, ya está lista en Eastside.');
        await h.send(
          workspaceAction('console-ana', {
            verb: 'handoff.transfer',
            caseId: place.caseId,
            to: 'console:console-sam',
          }),
        );
        expect(h.connector.textsTo(patron)).to.include('Ana pasó su chat a Sam, que ya le atiende.');
        await h.send(workspaceAction('console-sam', { verb: 'handoff.end', caseId: place.caseId }));
        expect(h.connector.textsTo(patron)).to.include(
          'Sam salió del chat. Aquí estoy si necesita algo más.',
        );

        const { all, english } = heard(h, patron);
        expect(english, all).to.deep.equal([]);
      });
    });

    it('offers a message when nobody claims in time, in Spanish, and "salir" leaves the queue', async () => {
      h = await startHarness();
      await h.openConsole('console-sam', 'Sam');
      const patron = `es-${channelId}-timeout`;
      await h.send(says(channelId, patron, 'quiero hablar con una persona'));
      await h.send(says(channelId, patron, 'hola?'));
      expect(h.connector.textsTo(patron).join('\n')).to.contain('Escriba "salir" para dejar de esperar.');
      h.clock.advanceMinutes(3);
      await h.send(workspaceEvent('console-sam', 'staff.presence', { status: 'available' }));
      await h.coordinator.sweep();
      expect(h.connector.textsTo(patron).join('\n')).to.contain(
        'Lo siento, nadie del personal ha podido atender su chat. ¿Quiere dejar un mensaje para el personal?',
      );
      await h.send(says(channelId, patron, 'no'));
      expect(h.connector.textsTo(patron)).to.include('Muy bien. Aquí estoy si necesita algo más.');

      await h.send(says(channelId, patron, 'necesito ayuda de alguien'));
      await h.send(says(channelId, patron, 'salir'));
      expect(h.connector.textsTo(patron)).to.include(
        'Salió del chat con el personal. Aquí sigo si necesita algo.',
      );
      expect(await h.handoff.service.queue()).to.deep.equal([]);
      const { all, english } = heard(h, patron);
      expect(english, all).to.deep.equal([]);
    });

    it('after hours: says when staff are back, takes a message, and the ticket records Spanish', async () => {
      h = await startHarness();
      h.clock.set('2026-12-01T03:30:00Z'); // Monday 21:30 in Riverbend: chat closed
      const patron = `es-${channelId}-after-hours`;
      await h.send(says(channelId, patron, 'quiero hablar con una persona'));
      expect(h.connector.textsTo(patron).join('\n')).to.contain(
        'En este momento el personal de la biblioteca no está disponible para chatear. Estará disponible ' +
          'de nuevo mañana a las 9:00 a. m. ¿Quiere dejar un mensaje? El personal le responderá.',
      );
      await h.send(says(channelId, patron, 'si'));
      expect(h.connector.textsTo(patron).join('\n')).to.contain(
        '¿Cómo prefiere que el personal le responda?',
      );
      await h.send(says(channelId, patron, '1')); // reply in this chat
      expect(h.connector.textsTo(patron).join('\n')).to.contain(
        '¿Qué le quiere preguntar al personal? Por favor, no incluya su PIN ni su contraseña.',
      );
      await h.send(says(channelId, patron, '¿puedo reservar la sala de estudio el viernes?'));
      expect(h.connector.textsTo(patron).join('\n')).to.contain(
        'Gracias, su mensaje quedó guardado. El personal le responderá en este chat, normalmente a partir ' +
          'de mañana a las 9:00 a. m.',
      );
      const [ticket] = await h.handoff.service.openTickets();
      expect(ticket.patron.language).to.equal('es');
      const card = JSON.stringify(ticketCard(ticket, 'America/Chicago', 'submit'));
      expect(card).to.contain('{"title":"Language","value":"Spanish (español)"}');

      h.clock.set('2026-12-01T15:05:00Z'); // Tuesday 09:05
      await h.openConsole('console-sam', 'Sam');
      expect(latestWorkspaceSnapshot(h, 'console-sam').tickets[0].language).to.equal('Spanish (español)');
      await h.send(
        workspaceAction('console-sam', {
          verb: 'ticket.answer',
          ticketId: ticket.id,
          reply: 'Sí, la sala 2.',
        }),
      );
      expect(h.connector.textsTo(patron)).to.include(
        'Respuesta de Sam, de la biblioteca, a su mensaje: Sí, la sala 2.',
      );
      const { all, english } = heard(h, patron);
      expect(english, all).to.deep.equal([]);
    });
  });
}

describe('handoff: the staff card shows the language; English patrons are unchanged', function () {
  this.timeout(30000);
  before(loadRecognizer);
  let h: Harness;
  afterEach(async () => h && (await h.stop()));

  it('marks nobody and keeps the English wording for an English patron', async () => {
    h = await startHarness();
    await h.openConsole('console-ana', 'Ana');
    await h.send(patronSays('en-1', 'I want to talk to a person'));
    expect(h.connector.textsTo('en-1').join('\n')).to.contain(
      "I'm bringing in a person from the library. You're number 1 in line (expected wait about 2 minutes).",
    );
    const [place] = latestWorkspaceSnapshot(h, 'console-ana').queue;
    expect(place.forYou).to.equal(false);
    expect(place.summary.facts[0]).to.deep.equal({ title: 'Language', value: 'English' });
    expect(place.summary.facts.map((f) => f.title)).not.to.include('Speaks it');
    const handoff = await h.handoff.service.getCase(place.caseId);
    const card = JSON.stringify(escalationCard(handoff!, h.clock.now(), 'submit'));
    expect(card).to.contain('{"title":"Language","value":"English"}');
  });

  it('follows a patron who switches to English while chatting with staff', async () => {
    h = await startHarness();
    await h.openConsole('console-ana', 'Ana');
    await h.send(patronSays('switch-1', 'quiero hablar con una persona'));
    const [place] = latestWorkspaceSnapshot(h, 'console-ana').queue;
    await h.send(workspaceAction('console-ana', { verb: 'handoff.claim', caseId: place.caseId }));
    expect(h.connector.textsTo('switch-1')).to.include(
      'Ana, de la biblioteca, se unió al chat. Ahora está hablando con una persona.',
    );
    await h.send(patronSays('switch-1', 'in English please'));
    await h.send(patronSays('switch-1', 'is my hold ready?'));
    expect((await h.handoff.service.getCase(place.caseId))?.patron.language).to.equal('en');
    await h.send(workspaceAction('console-ana', { verb: 'handoff.end', caseId: place.caseId }));
    expect(h.connector.textsTo('switch-1')).to.include(
      "Ana has left the chat. I'm here if you need anything else.",
    );
  });

  it('posts the Teams thread with the language and the Spanish speakers present', async () => {
    h = await startHarness({
      teams: {
        tenantId: 'tenant-riverbend',
        teamId: '19:staff@thread.tacv2',
        channelId: '19:chats@thread.tacv2',
      },
    });
    await h.handoff.presence.markPresent({ id: 'aad-ana', name: 'Ana', channel: 'teams' }, h.clock.now());
    await h.handoff.presence.markPresent({ id: 'aad-sam', name: 'Sam', channel: 'teams' }, h.clock.now());
    await h.send(patronSays('es-teams', 'quiero hablar con una persona'));
    const thread = h.connector.calls.find(
      (call) => call.method === 'POST' && JSON.stringify(call.body ?? {}).includes('A patron is waiting'),
    );
    expect(JSON.stringify(thread?.body))
      .to.contain('{"title":"Language","value":"Spanish (español)"}')
      .and.contain('{"title":"Speaks it","value":"Ana"}');
  });

  it('lists Spanish-speaking patrons first, marked, for staff who speak Spanish only', async () => {
    h = await startHarness();
    await h.openConsole('console-marisol', 'Marisol');
    await h.openConsole('console-sam', 'Sam');
    await h.send(patronSays('en-1', 'I want to talk to a person'));
    await h.send(patronSays('es-1', 'quiero hablar con una persona'));
    const forMarisol = latestWorkspaceSnapshot(h, 'console-marisol').queue;
    expect(forMarisol.map((q) => [q.position, q.language, q.forYou])).to.deep.equal([
      [2, 'es', true],
      [1, 'en', false],
    ]);
    const forSam = latestWorkspaceSnapshot(h, 'console-sam').queue;
    expect(forSam.map((q) => [q.position, q.language, q.forYou])).to.deep.equal([
      [1, 'en', false],
      [2, 'es', false],
    ]);
    const handoff = await h.handoff.service.getCase(forSam[1].caseId);
    const card = JSON.stringify(escalationCard(handoff!, h.clock.now(), 'submit', ['Marisol']));
    expect(card).to.contain('{"title":"Language","value":"Spanish (español)"}');
    expect(card).to.contain('{"title":"Speaks it","value":"Marisol"}');
  });
});
