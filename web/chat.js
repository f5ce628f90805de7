// The patron page: asks our server for a Direct Line token, then renders Web Chat in the library's colours.
(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('library-settings').textContent);
  var status = document.getElementById('chat-status');
  var root = document.documentElement.style;
  root.setProperty('--library-primary', settings.colours.primary);
  root.setProperty('--library-accent', settings.colours.accent);
  root.setProperty('--library-background', settings.colours.background);
  root.setProperty('--library-text', settings.colours.text);
  if (new URL(window.location.href).searchParams.get('embed') === '1') {
    document.body.classList.add('embedded');
    // Escape inside the embedded chat closes the panel on the library's page (keyboard users).
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'library-chat-close' }, '*');
    });
  }

  function showProblem(text) {
    status.textContent = text;
  }

  fetch(settings.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLineOptions = { token: session.token };
      if (session.domain) directLineOptions.domain = session.domain;
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine(directLineOptions),
          userID: session.userId,
          locale: 'en-US',
          styleOptions: {
            accent: settings.colours.primary,
            botAvatarInitials: settings.initials,
            bubbleBackground: '#f3f5f7',
            bubbleFromUserBackground: settings.colours.primary,
            bubbleFromUserTextColor: '#ffffff',
            suggestedActionBorderColor: settings.colours.primary,
            suggestedActionTextColor: settings.colours.primary,
            sendBoxButtonColor: settings.colours.primary,
            hideUploadButton: true,
            rootHeight: '100%',
          },
        },
        document.getElementById('webchat'),
      );
      var input = document.querySelector('#webchat input[type="text"], #webchat textarea');
      if (input) {
        input.setAttribute('aria-label', 'Type your question for ' + settings.libraryName);
        input.focus();
      }
    })
    .catch(function () {
      showProblem(
        'Sorry, the chat could not start. Please reload the page, or call us at ' + settings.phone + '.',
      );
    });
})();
