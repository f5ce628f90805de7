// The staff workspace. Sign-in (the passcode in local mode, Microsoft Entra ID in production) ends
// in a session cookie; /staff/token then opens this window's Direct Line conversation, which the
// server registered for the signed-in staff member. The bot sends the whole picture as
// `staff.workspace` events (queue, own chats with each patron's summary, messages left, colleagues);
// patron messages arrive as messages carrying `channelData.libraryBot.caseId`, and replies go back
// the same way. Everything typed by a patron is shown as text (textContent), never as markup.
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('staff-settings').textContent);
  var byId = function (id) {
    return document.getElementById(id);
  };
  var status = byId('chat-status');
  var baseTitle = document.title;
  var CHATS_KEY = 'libraryStaffChats';
  var PRESENCE_KEY = 'libraryStaffPresence';
  var MAX_MESSAGES = 200;
  window.LibraryChat.applyColours(settings.colours);

  var state = {
    directLine: null,
    userId: '',
    name: '',
    presence: readPresence(),
    snapshot: null,
    snapshotAt: 0,
    receivedAt: 0,
    seenWaiting: null,
    tabs: {},
    order: [],
    selected: null,
    openWhenClaimed: null,
    audio: null,
  };

  function readPresence() {
    try {
      return window.localStorage.getItem(PRESENCE_KEY) === 'away' ? 'away' : 'available';
    } catch {
      return 'available';
    }
  }

  function say(text) {
    status.textContent = text;
  }

  /** A new element: `props.text` as its text, `props.className`, anything else as an attribute. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  function minutes(seconds) {
    var m = Math.floor(seconds / 60);
    return m < 1 ? 'under a minute' : m === 1 ? '1 minute' : m + ' minutes';
  }

  function patronLabel(caseId) {
    return (
      'Patron ' +
      caseId
        .replace(/[^0-9a-z]/gi, '')
        .slice(0, 4)
        .toUpperCase()
    );
  }

  // ---- talking to the bot ----

  function post(activity) {
    if (!state.directLine) return;
    activity.from = { id: state.userId, name: state.name };
    state.directLine.postActivity(activity).subscribe({
      error: function () {
        say('That did not reach the server. Check the connection and try again.');
      },
    });
  }

  function sendEvent(name, value) {
    post({ type: 'event', name: name, value: value });
  }

  function act(action) {
    sendEvent('staff.action', action);
  }

  function onActivity(activity) {
    if (activity.from && activity.from.id === state.userId) return; // our own, echoed back
    if (activity.type === 'event' && activity.name === 'staff.workspace') return render(activity.value);
    if (activity.type !== 'message' || !activity.text) return;
    var data = (activity.channelData && activity.channelData.libraryBot) || {};
    if (typeof data.caseId === 'string') return receiveInChat(data.caseId, activity.text);
    say(activity.text);
  }

  // ---- the snapshot ----

  function render(snapshot) {
    // Snapshots may come from several instances; an older one never undoes a newer one.
    if (snapshot.at && snapshot.at < state.snapshotAt) return;
    state.snapshotAt = snapshot.at || state.snapshotAt;
    state.snapshot = snapshot;
    state.receivedAt = Date.now();
    byId('signed-in-as').textContent =
      'Signed in as ' + snapshot.me.name + (snapshot.me.status === 'away' ? ' (away: no new patrons)' : '');
    byId('off-hours').hidden = snapshot.staffed;
    renderQueue(snapshot.queue);
    renderChats(snapshot);
    renderTickets(snapshot.tickets);
    if (snapshot.notice) say(snapshot.notice);
  }

  /** Keeps list items by key: existing ones are updated in place, so focus and typed text survive. */
  function syncList(list, items, keyOf, create, update) {
    var existing = {};
    Array.prototype.forEach.call(list.children, function (child) {
      existing[child.getAttribute('data-key')] = child;
    });
    var wanted = {};
    items.forEach(function (item, index) {
      var key = keyOf(item);
      wanted[key] = true;
      var node = existing[key] || create(item);
      node.setAttribute('data-key', key);
      update(node, item);
      if (list.children[index] !== node) list.insertBefore(node, list.children[index] || null);
    });
    Object.keys(existing).forEach(function (key) {
      if (!wanted[key]) list.removeChild(existing[key]);
    });
  }

  function factList(facts) {
    var list = el('dl', { className: 'facts' });
    facts.forEach(function (fact) {
      list.appendChild(el('dt', { text: fact.title }));
      list.appendChild(el('dd', { text: fact.value }));
    });
    return list;
  }

  function turnList(turns) {
    return el(
      'ol',
      { className: 'turns' },
      turns.map(function (turn) {
        return el('li', { className: 'turns__' + turn.from }, [
          el('span', { className: 'turns__who', text: turn.from === 'patron' ? 'Patron: ' : 'Bot: ' }),
          el('span', { text: turn.text }),
        ]);
      }),
    );
  }

  function renderQueue(queue) {
    var firstTime = state.seenWaiting === null;
    var seen = state.seenWaiting || {};
    var arrived = queue.filter(function (place) {
      return !seen[place.caseId];
    });
    state.seenWaiting = {};
    queue.forEach(function (place) {
      state.seenWaiting[place.caseId] = true;
    });
    byId('queue-count').textContent = String(queue.length);
    byId('queue-empty').hidden = queue.length > 0;
    document.title = (queue.length ? '(' + queue.length + ' waiting) ' : '') + baseTitle;
    syncList(byId('queue-list'), queue, keyOfCase, createQueueItem, updateQueueItem);
    if (firstTime) {
      if (queue.length)
        say(queue.length + (queue.length === 1 ? ' patron is' : ' patrons are') + ' waiting.');
    } else if (arrived.length) {
      announceNewPatrons(arrived);
    }
  }

  function keyOfCase(place) {
    return place.caseId;
  }

  function createQueueItem(place) {
    var claim = el('button', { type: 'button', className: 'action-button', text: 'Claim ' + place.label });
    claim.addEventListener('click', function () {
      state.openWhenClaimed = place.caseId;
      act({ verb: 'handoff.claim', caseId: place.caseId });
    });
    var details = el('details', { className: 'work-card__more' }, [
      el('summary', { text: 'Recent conversation' }),
    ]);
    return el('li', { className: 'work-card' }, [
      el('h3', { className: 'work-card__title', text: place.label }),
      el('p', { className: 'work-card__for-you' }),
      el('p', { className: 'work-card__meta' }),
      el('div', { className: 'work-card__facts' }),
      details,
      claim,
    ]);
  }

  function updateQueueItem(node, place) {
    node.setAttribute('data-waited', String(place.waitedSeconds));
    // A patron writing in a language this staff member speaks (besides English): listed first, marked.
    node.classList.toggle('work-card--for-you', Boolean(place.forYou));
    var forYou = node.querySelector('.work-card__for-you');
    forYou.hidden = !place.forYou;
    forYou.textContent = place.forYou ? 'You speak their language: ' + languageOf(place) : '';
    node.querySelector('.work-card__meta').textContent =
      'Number ' + place.position + ' in line, waiting ' + minutes(place.waitedSeconds);
    var facts = node.querySelector('.work-card__facts');
    facts.textContent = '';
    facts.appendChild(factList(place.summary.facts.slice(0, 3)));
    var details = node.querySelector('details');
    var old = details.querySelector('ol, p');
    if (old) details.removeChild(old);
    details.appendChild(
      place.summary.recentTurns.length
        ? turnList(place.summary.recentTurns)
        : el('p', { text: 'Nothing yet.' }),
    );
  }

  function languageOf(place) {
    var fact = place.summary.facts.find(function (f) {
      return f.title === 'Language';
    });
    return fact ? fact.value : place.language;
  }

  /** Wait times move on between snapshots. */
  function tickWaits() {
    var elapsed = Math.round((Date.now() - state.receivedAt) / 1000);
    Array.prototype.forEach.call(byId('queue-list').children, function (node) {
      var meta = node.querySelector('.work-card__meta');
      var waited = Number(node.getAttribute('data-waited')) + elapsed;
      meta.textContent = meta.textContent.replace(/waiting .*$/, 'waiting ' + minutes(waited));
    });
  }

  // ---- alerts for a new patron (sound and system notifications only with the browser's consent) ----

  function announceNewPatrons(arrived) {
    var names = arrived
      .map(function (place) {
        return place.label;
      })
      .join(', ');
    say('New patron waiting: ' + names + '.');
    var heading = byId('queue-heading');
    heading.classList.remove('is-alerting');
    void heading.offsetWidth; // restart the highlight
    heading.classList.add('is-alerting');
    if (state.snapshot && state.snapshot.me.status === 'away') return;
    if (state.audio) beep(state.audio);
    if (window.Notification && window.Notification.permission === 'granted' && document.hidden) {
      new window.Notification('A patron is waiting', {
        body: names,
        icon: '/favicon.svg',
        tag: 'library-queue',
      });
    }
  }

  function beep(audio) {
    [0, 0.25].forEach(function (delay) {
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.12;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start(audio.currentTime + delay);
      tone.stop(audio.currentTime + delay + 0.15);
    });
  }

  byId('alerts-button').addEventListener('click', function () {
    var button = byId('alerts-button');
    if (state.audio) {
      state.audio.close();
      state.audio = null;
      button.setAttribute('aria-pressed', 'false');
      button.textContent = 'Turn on new-patron alerts';
      return say('New-patron alerts are off; the page still shows new patrons.');
    }
    // Browsers allow sound only after a click, and notifications only with permission.
    var Audio = window.AudioContext || window.webkitAudioContext;
    state.audio = Audio ? new Audio() : null;
    if (window.Notification && window.Notification.permission === 'default') {
      window.Notification.requestPermission();
    }
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'New-patron alerts on';
    say('New-patron alerts are on: a sound, and a notification while this tab is in the background.');
  });

  // ---- chats, one tab each ----

  function renderChats(snapshot) {
    var mine = {};
    snapshot.chats.forEach(function (chat) {
      mine[chat.caseId] = true;
      var tab = state.tabs[chat.caseId] || createTab(chat.caseId, chat.label);
      tab.summary = chat.summary;
      if (tab.ended) setEnded(tab, false);
      renderSummary(tab);
    });
    state.order.forEach(function (caseId) {
      var tab = state.tabs[caseId];
      if (!mine[caseId] && !tab.ended) {
        addMessage(tab, {
          kind: 'notice',
          text: 'This chat is no longer yours (ended, transferred or back in the queue).',
        });
        setEnded(tab, true);
      }
    });
    state.order.forEach(function (caseId) {
      renderColleagues(state.tabs[caseId], snapshot.colleagues);
    });
    if (state.openWhenClaimed && mine[state.openWhenClaimed]) {
      select(state.openWhenClaimed, true);
      state.openWhenClaimed = null;
    }
    if (!state.selected && state.order.length) select(state.order[0], false);
    byId('chats-empty').hidden = state.order.length > 0;
    saveChats();
  }

  function createTab(caseId, label) {
    var tab = { caseId: caseId, label: label, summary: null, messages: [], ended: false, unread: 0 };
    tab.button = el('button', {
      type: 'button',
      role: 'tab',
      id: 'tab-' + caseId,
      'aria-controls': 'panel-' + caseId,
      'aria-selected': 'false',
      tabindex: '-1',
      className: 'chat-tab',
    });
    tab.button.addEventListener('click', function () {
      select(caseId, false);
    });
    tab.button.addEventListener('keydown', onTabKey);
    tab.panel = el('div', {
      role: 'tabpanel',
      id: 'panel-' + caseId,
      'aria-labelledby': 'tab-' + caseId,
      className: 'chat-panel',
      hidden: true,
    });
    buildPanel(tab);
    state.tabs[caseId] = tab;
    state.order.push(caseId);
    byId('chat-tabs').appendChild(tab.button);
    byId('chat-panels').appendChild(tab.panel);
    updateTabLabel(tab);
    return tab;
  }

  function buildPanel(tab) {
    var id = tab.caseId;
    // The log region holds a list (a role on the list itself would hide its items from it).
    tab.log = el('ol', { className: 'chat-log__list' });
    tab.scroller = el(
      'div',
      {
        className: 'chat-log',
        role: 'log',
        'aria-live': 'polite',
        'aria-label': 'Messages with ' + tab.label,
        tabindex: '0',
      },
      [tab.log],
    );
    tab.replyBox = el('textarea', {
      id: 'reply-' + id,
      rows: '3',
      maxlength: '4000',
      className: 'reply-box',
    });
    tab.replyBox.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        sendReply(tab);
      }
    });
    tab.sendButton = el('button', { type: 'submit', className: 'action-button', text: 'Send' });
    var form = el('form', { className: 'reply-form' }, [
      el('label', { for: 'reply-' + id, text: 'Your reply to ' + tab.label }),
      el('p', {
        className: 'panel__hint',
        id: 'reply-hint-' + id,
        text: 'Enter sends; Shift+Enter starts a new line.',
      }),
      tab.replyBox,
      tab.sendButton,
    ]);
    tab.replyBox.setAttribute('aria-describedby', 'reply-hint-' + id);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      sendReply(tab);
    });
    tab.summaryBox = el('div', { className: 'patron-summary__body' });
    var aside = el('aside', { className: 'patron-summary', 'aria-labelledby': 'summary-' + id }, [
      el('h3', { id: 'summary-' + id, text: 'About ' + tab.label }),
      tab.summaryBox,
    ]);
    var conversation = el('div', { className: 'chat-conversation' }, [
      tab.scroller,
      form,
      cannedAnswers(tab),
      chatActions(tab),
    ]);
    tab.panel.appendChild(el('div', { className: 'chat-layout' }, [conversation, aside]));
  }

  function cannedAnswers(tab) {
    var answers = settings.cannedAnswers || [];
    if (!answers.length) return null;
    var id = 'canned-' + tab.caseId;
    var select = el(
      'select',
      { id: id },
      answers.map(function (answer, index) {
        return el('option', { value: String(index), text: answer.title });
      }),
    );
    var insert = el('button', { type: 'button', className: 'secondary-button', text: 'Insert' });
    insert.addEventListener('click', function () {
      var text = answers[Number(select.value)].text;
      var box = tab.replyBox;
      box.value = box.value ? box.value.replace(/\s*$/, ' ') + text : text;
      box.focus();
      say('Inserted "' + answers[Number(select.value)].title + '": edit it if needed, then send.');
    });
    return el('div', { className: 'chat-tools' }, [
      el('label', { for: id, text: 'Canned answer' }),
      select,
      insert,
    ]);
  }

  function chatActions(tab) {
    var id = tab.caseId;
    tab.transferSelect = el('select', { id: 'transfer-' + id });
    tab.transferButton = el('button', { type: 'button', className: 'secondary-button', text: 'Transfer' });
    tab.transferButton.addEventListener('click', function () {
      if (tab.transferSelect.value)
        act({ verb: 'handoff.transfer', caseId: id, to: tab.transferSelect.value });
    });
    var requeue = el('button', { type: 'button', className: 'secondary-button', text: 'Back to the queue' });
    requeue.addEventListener('click', function () {
      act({ verb: 'handoff.requeue', caseId: id });
    });
    var end = el('button', { type: 'button', className: 'secondary-button', text: 'End chat' });
    end.addEventListener('click', function () {
      act({ verb: 'handoff.end', caseId: id });
    });
    tab.closeButton = el('button', {
      type: 'button',
      className: 'secondary-button',
      text: 'Close tab',
      hidden: true,
    });
    tab.closeButton.addEventListener('click', function () {
      closeTab(tab);
    });
    tab.activeControls = [tab.replyBox, tab.sendButton, tab.transferSelect, tab.transferButton, requeue, end];
    return el('div', { className: 'chat-tools' }, [
      el('label', { for: 'transfer-' + id, text: 'Transfer to' }),
      tab.transferSelect,
      tab.transferButton,
      requeue,
      end,
      tab.closeButton,
    ]);
  }

  function renderColleagues(tab, colleagues) {
    var select = tab.transferSelect;
    var chosen = select.value;
    select.textContent = '';
    if (!colleagues.length) select.appendChild(el('option', { value: '', text: 'Nobody else is available' }));
    colleagues.forEach(function (colleague) {
      select.appendChild(el('option', { value: colleague.id, text: colleague.name }));
    });
    if (chosen) select.value = chosen;
    tab.transferButton.disabled = tab.ended || !colleagues.length;
  }

  function renderSummary(tab) {
    tab.summaryBox.textContent = '';
    if (!tab.summary) return;
    tab.summaryBox.appendChild(factList(tab.summary.facts));
    tab.summaryBox.appendChild(el('h4', { text: 'Before the handoff' }));
    tab.summaryBox.appendChild(
      tab.summary.recentTurns.length ? turnList(tab.summary.recentTurns) : el('p', { text: 'Nothing yet.' }),
    );
  }

  function updateTabLabel(tab) {
    var extra = tab.ended ? ' (ended)' : tab.unread ? ' (' + tab.unread + ' new)' : '';
    tab.button.textContent = tab.label + extra;
  }

  function select(caseId, focusReply) {
    state.selected = caseId;
    state.order.forEach(function (id) {
      var tab = state.tabs[id];
      var chosen = id === caseId;
      tab.button.setAttribute('aria-selected', chosen ? 'true' : 'false');
      tab.button.tabIndex = chosen ? 0 : -1;
      tab.panel.hidden = !chosen;
      if (chosen) {
        tab.unread = 0;
        updateTabLabel(tab);
      }
    });
    var current = state.tabs[caseId];
    if (focusReply && current && !current.ended) current.replyBox.focus();
    scrollToEnd(current);
  }

  /** Arrow keys, Home and End move between the tabs (WAI-ARIA tabs pattern). */
  function onTabKey(event) {
    var index = state.order.indexOf(state.selected);
    var last = state.order.length - 1;
    var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    next = next > last ? 0 : next < 0 ? last : next;
    select(state.order[next], false);
    state.tabs[state.order[next]].button.focus();
  }

  function setEnded(tab, ended) {
    tab.ended = ended;
    tab.activeControls.forEach(function (control) {
      control.disabled = ended;
    });
    tab.closeButton.hidden = !ended;
    updateTabLabel(tab);
  }

  function closeTab(tab) {
    var index = state.order.indexOf(tab.caseId);
    state.order.splice(index, 1);
    delete state.tabs[tab.caseId];
    tab.button.remove();
    tab.panel.remove();
    state.selected = null;
    if (state.order.length) {
      select(state.order[Math.min(index, state.order.length - 1)], false);
      state.tabs[state.selected].button.focus();
    } else {
      byId('chats-empty').hidden = false;
      byId('chats-heading').focus();
    }
    saveChats();
  }

  function addMessage(tab, message) {
    tab.messages.push(message);
    if (tab.messages.length > MAX_MESSAGES) tab.messages.shift();
    appendMessage(tab, message);
    saveChats();
  }

  function appendMessage(tab, message) {
    var who = message.kind === 'mine' ? 'You: ' : '';
    tab.log.appendChild(
      el('li', { className: 'message message--' + message.kind }, [
        who ? el('span', { className: 'message__who', text: who }) : null,
        el('span', { className: 'message__text', text: message.text }),
      ]),
    );
    if (tab.log.children.length > MAX_MESSAGES) tab.log.removeChild(tab.log.firstChild);
    scrollToEnd(tab);
  }

  function scrollToEnd(tab) {
    if (tab && !tab.panel.hidden) tab.scroller.scrollTop = tab.scroller.scrollHeight;
  }

  function receiveInChat(caseId, text) {
    var tab = state.tabs[caseId] || createTab(caseId, patronLabel(caseId));
    var fromPatron = /^Patron: /.test(text);
    addMessage(tab, { kind: fromPatron ? 'patron' : 'notice', text: text });
    if (!fromPatron && /ended the chat/.test(text)) setEnded(tab, true);
    if (!state.selected) select(caseId, false);
    if (state.selected !== caseId) {
      tab.unread += 1;
      updateTabLabel(tab);
      say('New message from ' + tab.label + '.');
    }
  }

  function sendReply(tab) {
    var text = tab.replyBox.value.trim();
    if (!text || tab.ended) return;
    post({
      type: 'message',
      text: text,
      textFormat: 'plain',
      channelData: { libraryBot: { caseId: tab.caseId } },
    });
    addMessage(tab, { kind: 'mine', text: text });
    tab.replyBox.value = '';
  }

  // What a reload keeps: this browser tab's chats (sessionStorage ends with the tab, and on sign-out).
  function saveChats() {
    var saved = state.order.map(function (id) {
      var tab = state.tabs[id];
      return { caseId: id, label: tab.label, summary: tab.summary, messages: tab.messages, ended: tab.ended };
    });
    try {
      window.sessionStorage.setItem(CHATS_KEY, JSON.stringify(saved));
    } catch {
      // Storage full or refused: the chats still work, a reload just starts them empty.
    }
  }

  function restoreChats() {
    var saved = [];
    try {
      saved = JSON.parse(window.sessionStorage.getItem(CHATS_KEY) || '[]');
    } catch {
      saved = [];
    }
    saved.forEach(function (chat) {
      var tab = createTab(chat.caseId, chat.label);
      tab.summary = chat.summary;
      renderSummary(tab);
      chat.messages.forEach(function (message) {
        tab.messages.push(message);
        appendMessage(tab, message);
      });
      if (chat.ended) setEnded(tab, true);
    });
  }

  // ---- messages left ----

  function renderTickets(tickets) {
    byId('ticket-count').textContent = String(tickets.length);
    byId('tickets-empty').hidden = tickets.length > 0;
    syncList(
      byId('ticket-list'),
      tickets,
      function (ticket) {
        return ticket.ticketId;
      },
      createTicket,
      function () {},
    );
  }

  function createTicket(ticket) {
    var id = 'ticket-' + ticket.ticketId;
    var answer = el('textarea', { id: id, rows: '3', maxlength: '4000', className: 'reply-box' });
    var send = el('button', { type: 'button', className: 'action-button', text: 'Send answer / mark done' });
    send.addEventListener('click', function () {
      act({ verb: 'ticket.answer', ticketId: ticket.ticketId, reply: answer.value.trim() });
    });
    return el('li', { className: 'work-card' }, [
      el('h3', { className: 'work-card__title', text: 'Left ' + ticket.left }),
      el('p', { className: 'work-card__meta', text: ticket.contact }),
      el('p', { className: 'work-card__meta', text: 'Language: ' + ticket.language }),
      el('p', { className: 'work-card__message', text: ticket.message }),
      el('label', { for: id, text: 'Your answer to the patron' }),
      answer,
      send,
    ]);
  }

  // ---- presence ----

  function setPresence(value, tell) {
    state.presence = value;
    try {
      window.localStorage.setItem(PRESENCE_KEY, value);
    } catch {
      // Kept for this page only.
    }
    document.querySelectorAll('input[name="presence"]').forEach(function (input) {
      input.checked = input.value === value;
    });
    sendEvent('staff.presence', { status: value });
    if (tell)
      say(
        value === 'away'
          ? "You're away: new patrons are not sent to you."
          : "You're available for new patrons.",
      );
  }

  document.querySelectorAll('input[name="presence"]').forEach(function (input) {
    input.addEventListener('change', function () {
      if (input.checked) setPresence(input.value, true);
    });
  });

  // ---- starting ----

  function start(session) {
    state.userId = session.userId;
    state.name = session.name;
    byId('sign-in').hidden = true;
    byId('workspace').hidden = false;
    byId('staff-toolbar').hidden = false;
    restoreChats();
    byId('chats-empty').hidden = state.order.length > 0;
    var options = { token: session.token, webSocket: true };
    if (session.domain) options.domain = session.domain;
    state.directLine = new window.DirectLine.DirectLine(options);
    state.directLine.activity$.subscribe({ next: onActivity });
    var announced = false;
    state.directLine.connectionStatus$.subscribe({
      next: function (connection) {
        if (connection === 2 && !announced) {
          announced = true;
          setPresence(state.presence, false);
        }
        if (connection === 3 || connection === 4 || connection === 5) {
          say('The workspace lost its connection to the server. Reload the page to reconnect.');
        }
      },
    });
    // While the page is open the staff member counts as present (when available), and the queue stays fresh.
    window.setInterval(function () {
      sendEvent('staff.presence', { status: state.presence });
    }, 60000);
    window.setInterval(tickWaits, 15000);
    byId('queue-heading').focus();
  }

  function openWindow(body) {
    return fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  }

  function showSignIn() {
    byId('sign-in').hidden = false;
    byId('entra-sign-in').hidden = !settings.signIn.entra;
    byId('staff-sign-in').hidden = !settings.signIn.passcode;
    if (settings.signIn.entra) byId('entra-sign-in-link').setAttribute('href', settings.signIn.entra);
  }

  var form = byId('staff-sign-in');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    say('');
    openWindow({ name: form.elements.name.value, passcode: form.elements.passcode.value })
      .then(function (response) {
        if (response.status === 403 || response.status === 429) throw new Error('passcode');
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(start)
      .catch(function (error) {
        say(
          error.message === 'passcode'
            ? 'That passcode is not right (or too many tries: wait a minute).'
            : 'The workspace could not start. Please reload the page.',
        );
      });
  });

  byId('sign-out').addEventListener('click', function () {
    sendEvent('staff.presence', { status: 'away' });
    try {
      window.sessionStorage.removeItem(CHATS_KEY);
    } catch {
      // Nothing kept.
    }
    fetch(settings.signOutUrl, { method: 'POST', credentials: 'same-origin' }).then(function () {
      window.location.reload();
    });
  });

  // A session cookie from an earlier sign-in (or Entra ID's redirect) opens the workspace at once.
  openWindow({})
    .then(function (response) {
      if (response.status === 401) return showSignIn();
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json().then(start);
    })
    .catch(function () {
      showSignIn();
      say('The workspace could not start. Please reload the page.');
    });
})();
