// The staff console: the passcode is checked by the server's /staff/token endpoint, which opens a
// Direct Line conversation registered as a staff console; Web Chat then shows the staff cards.
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('staff-settings').textContent);
  var status = document.getElementById('chat-status');
  var form = document.getElementById('staff-sign-in');
  var LibraryChat = window.LibraryChat;
  LibraryChat.applyColours(settings.colours);

  // What the staff member types is shown as typed, like the patron's messages relayed here.
  function storeMiddleware() {
    return function (next) {
      return function (action) {
        return next(LibraryChat.plainTypedText(action));
      };
    };
  }

  function start(session) {
    var options = { token: session.token };
    if (session.domain) options.domain = session.domain;
    var directLine = window.WebChat.createDirectLine(options);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: window.WebChat.createStore({}, storeMiddleware),
        userID: session.userId,
        locale: 'en-US',
        overrideLocalizedStrings: {
          TEXT_INPUT_ALT: 'Your reply to the patron',
          TEXT_INPUT_PLACEHOLDER: 'Type a reply, "end" or "transfer name"',
        },
        styleOptions: LibraryChat.styleOptions(settings.colours),
      },
      document.getElementById('webchat'),
    );
    var input = document.querySelector('#webchat .webchat__send-box-text-box__input');
    if (input) input.focus();
    // While this window is open the staff member counts as present.
    window.setInterval(function () {
      directLine
        .postActivity({ type: 'event', name: 'staff.heartbeat', from: { id: session.userId } })
        .subscribe({ error: function () {} });
    }, 60000);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = '';
    fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: form.elements.name.value, passcode: form.elements.passcode.value }),
    })
      .then(function (response) {
        if (response.status === 403) throw new Error('passcode');
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (session) {
        form.hidden = true;
        start(session);
      })
      .catch(function (error) {
        status.textContent =
          error.message === 'passcode'
            ? 'That passcode is not right (or too many tries: wait a minute).'
            : 'The console could not start. Please reload the page.';
      });
  });
})();
