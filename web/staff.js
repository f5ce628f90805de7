// The staff console: the passcode is checked by the server's /staff/token endpoint, which opens a
// Direct Line conversation registered as a staff console; Web Chat then shows the staff cards.
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('staff-settings').textContent);
  var status = document.getElementById('chat-status');
  var form = document.getElementById('staff-sign-in');
  var root = document.documentElement.style;
  root.setProperty('--library-primary', settings.colours.primary);
  root.setProperty('--library-accent', settings.colours.accent);
  root.setProperty('--library-background', settings.colours.background);
  root.setProperty('--library-text', settings.colours.text);

  function start(session) {
    var options = { token: session.token };
    if (session.domain) options.domain = session.domain;
    var directLine = window.WebChat.createDirectLine(options);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: session.userId,
        locale: 'en-US',
        styleOptions: { accent: settings.colours.primary, hideUploadButton: true, rootHeight: '100%' },
      },
      document.getElementById('webchat'),
    );
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
