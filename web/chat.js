// The patron page: asks our server for a Direct Line token, then renders Web Chat in the library's
// colours. For shared computers it also:
// - masks a PIN or card number: when the bot's question carries channelData.libraryBot.sensitiveInput,
//   our own password field replaces Web Chat's send box; the answer goes straight to Direct Line and
//   never into Web Chat's store, so it never reaches the transcript or Web Chat's live region, and its
//   echo is shown as "PIN sent";
// - clears the chat (a new conversation) on sign-out, after the idle minutes, and on "Clear this chat".
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('library-settings').textContent);
  var LibraryChat = window.LibraryChat;
  var chatElement = document.getElementById('webchat');
  var status = document.getElementById('chat-status');
  var announcer = document.getElementById('chat-announcer');
  var form = document.getElementById('sensitive-answer');
  var field = document.getElementById('sensitive-input');
  var fieldLabel = document.getElementById('sensitive-label');
  var otherTopic = document.getElementById('sensitive-cancel');
  var clearButton = document.getElementById('clear-chat');

  // The page's own texts in every language come from the server (the catalogs' `page` sections); the
  // page opens in the language of <html lang> and follows the conversation's (the bot's
  // "library.language" event).
  var texts = settings.texts;
  var language = texts[document.documentElement.lang] ? document.documentElement.lang : 'en';
  function t(key) {
    return texts[language][key];
  }
  var SENSITIVE = {
    pin: { label: 'pinLabel', sent: 'pinSent', failed: 'pinFailed' },
    card: { label: 'cardLabel', sent: 'cardSent', failed: 'cardFailed' },
  };
  var IDLE_CHECK_MS = 15000;

  var chat = null; // the running conversation: { directLine, userId }
  var generation = 0; // which conversation is current; an older one's late actions are ignored
  var masked = null; // 'pin' or 'card' while the bot waits for one
  var lastActivityAt = Date.now();
  var patronSpoke = false;

  LibraryChat.applyColours(settings.colours);
  if (new URL(window.location.href).searchParams.get('embed') === '1') {
    document.body.classList.add('embedded');
    // Escape inside the embedded chat closes the panel on the library's page (keyboard users).
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'library-chat-close' }, '*');
    });
  }

  function announce(text) {
    // Emptied first, so the same words ("PIN sent") are announced again the next time.
    announcer.textContent = '';
    window.setTimeout(function () {
      announcer.textContent = text;
    }, 100);
  }

  function touch() {
    lastActivityAt = Date.now();
  }

  function sendBox() {
    return chatElement.querySelector('.webchat__send-box-text-box__input');
  }

  function focusSendBox() {
    var box = sendBox();
    if (box) box.focus();
  }

  /** Focus follows the answer box only when it was there (or nowhere), never away from a card. */
  function focusIsOnAnswerBox() {
    var active = document.activeElement;
    if (!active || active === document.body || active === field) return true;
    var box = chatElement.querySelector('.webchat__send-box');
    return Boolean(box && box.contains(active));
  }

  function mask(kind) {
    if (kind === masked) return;
    var moveFocus = focusIsOnAnswerBox();
    masked = kind;
    field.value = '';
    if (kind) {
      fieldLabel.textContent = t(SENSITIVE[kind].label);
      form.hidden = false;
      chatElement.classList.add('masked');
      if (moveFocus) field.focus();
    } else {
      form.hidden = true;
      chatElement.classList.remove('masked');
      if (moveFocus) focusSendBox();
    }
  }

  /** The echo of a masked answer, as the transcript shows it: what was sent, never the value. */
  function maskedEcho(activity, kind) {
    var words = SENSITIVE[kind] || SENSITIVE.pin;
    var echo = Object.assign({}, activity, { text: t(words.sent), textFormat: 'plain' });
    delete echo.value;
    return echo;
  }

  function onBotMessage(marks, owner) {
    if (owner !== generation) return;
    if (marks.signedOut) {
      restart('signedOut');
      return;
    }
    var kind = marks.sensitiveInput;
    mask(kind === 'pin' || kind === 'card' ? kind : null);
  }

  function storeMiddleware(owner) {
    return function () {
      return function (next) {
        return function (action) {
          if (owner !== generation) return next(action);
          action = LibraryChat.plainTypedText(action);
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
            touch();
            patronSpoke = true;
            status.textContent = '';
          }
          if (action.type !== 'DIRECT_LINE/INCOMING_ACTIVITY') return next(action);
          touch();
          var activity = action.payload.activity;
          if (activity.type === 'event' && activity.name === 'library.language') {
            // The language now, so the message right behind this event is marked in it however soon
            // Web Chat renders it; the page's texts and Web Chat's locale after this dispatch.
            if (texts[activity.value] && activity.value !== language) {
              language = activity.value;
              window.setTimeout(function () {
                if (owner === generation) showLanguage();
              }, 0);
            }
            return next(action);
          }
          var marks = (activity.channelData && activity.channelData.libraryBot) || {};
          if (activity.from && activity.from.role === 'user') {
            if (marks.sensitiveAnswer)
              action = LibraryChat.withActivity(action, maskedEcho(activity, marks.sensitiveAnswer));
            return next(action);
          }
          var result = next(action);
          if (activity.type === 'message') {
            // After this dispatch: a sign-out starts a new conversation, never inside a reducer.
            window.setTimeout(function () {
              onBotMessage(marks, owner);
            }, 0);
          }
          return result;
        };
      };
    };
  }

  /** Web Chat's props in the page's language: its locale and our texts for its send box. */
  function renderChat() {
    window.WebChat.renderWebChat(
      {
        // A new key unmounts the previous conversation's Web Chat, transcript and all.
        key: 'conversation-' + chat.owner,
        directLine: chat.directLine,
        store: chat.store,
        userID: chat.userId,
        locale: t('webChatLocale'),
        overrideLocalizedStrings: {
          TEXT_INPUT_ALT: t('inputLabel'),
          TEXT_INPUT_PLACEHOLDER: t('placeholder'),
        },
        styleOptions: LibraryChat.styleOptions(settings.colours, { botAvatarInitials: settings.initials }),
      },
      chatElement,
    );
  }

  function render(session, owner, focusAfter) {
    var options = { token: session.token };
    if (session.domain) options.domain = session.domain;
    chat = {
      owner: owner,
      directLine: window.WebChat.createDirectLine(options),
      store: window.WebChat.createStore({}, storeMiddleware(owner)),
      userId: session.userId,
    };
    renderChat();
    if (focusAfter) focusSendBox();
  }

  /** Every message shown says its language to screen readers: the conversation's when it appeared. */
  function markLanguage() {
    var shown = chatElement.querySelectorAll('.webchat__stacked-layout:not([lang])');
    for (var i = 0; i < shown.length; i++) shown[i].setAttribute('lang', language);
  }
  new window.MutationObserver(markLanguage).observe(chatElement, { childList: true, subtree: true });

  /** The page's own texts, its <html lang> and Web Chat's locale in the conversation's language. */
  function showLanguage() {
    document.documentElement.lang = language;
    document.title = t('title');
    var words = document.querySelectorAll('[data-text]');
    for (var i = 0; i < words.length; i++) words[i].textContent = t(words[i].getAttribute('data-text'));
    var labels = document.querySelectorAll('[data-label]');
    for (var j = 0; j < labels.length; j++)
      labels[j].setAttribute('aria-label', t(labels[j].getAttribute('data-label')));
    if (masked) fieldLabel.textContent = t(SENSITIVE[masked].label);
    if (chat) renderChat();
  }

  function start(notice, focusAfter) {
    generation += 1;
    var owner = generation;
    fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: language }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (session) {
        if (owner !== generation) return;
        render(session, owner, focusAfter);
        status.textContent = notice ? t(notice) : '';
      })
      .catch(function () {
        if (owner === generation) status.textContent = t('failed');
      });
  }

  /**
   * On a shared computer the next person must not find the account signed in: the bot is told to end
   * the session now (not at idle expiry), then the old connection closes.
   */
  function endConversation(directLine, userId) {
    var close = function () {
      directLine.end();
    };
    directLine
      .postActivity({ type: 'event', name: 'library.endSession', from: { id: userId, role: 'user' } })
      .subscribe({ next: close, error: close });
  }

  /** Ends this conversation on screen and starts a new one, saying why. */
  function restart(notice) {
    var active = document.activeElement;
    var focusAfter =
      !active || active === document.body || active === clearButton || chatElement.contains(active);
    if (chat) endConversation(chat.directLine, chat.userId);
    chat = null;
    mask(null);
    patronSpoke = false;
    start(notice, focusAfter || active === field);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var kind = masked;
    var answer = field.value.trim();
    field.value = '';
    if (!kind || !chat || !answer) return;
    touch();
    patronSpoke = true;
    status.textContent = '';
    chat.directLine
      .postActivity({
        type: 'message',
        text: answer,
        textFormat: 'plain',
        locale: t('webChatLocale'),
        from: { id: chat.userId, role: 'user' },
        channelData: { libraryBot: { sensitiveAnswer: kind } },
      })
      .subscribe({
        error: function () {
          status.textContent = t(SENSITIVE[kind].failed);
          mask(kind);
        },
      });
    answer = '';
    mask(null);
    announce(t(SENSITIVE[kind].sent));
  });

  otherTopic.addEventListener('click', function () {
    mask(null);
    focusSendBox();
  });

  clearButton.addEventListener('click', function () {
    restart('cleared');
  });

  // Typing or pointing counts as being here; the chat is cleared after the idle minutes, as the
  // server ends a signed-in session after the same time.
  document.addEventListener('keydown', touch);
  document.addEventListener('pointerdown', touch);
  window.setInterval(function () {
    if (chat && patronSpoke && Date.now() - lastActivityAt >= settings.idleMinutes * 60000) {
      restart('idle');
    }
  }, IDLE_CHECK_MS);

  start('', true);
})();
