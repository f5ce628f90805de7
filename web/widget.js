// One-line embed for a library's own site:
//   <script src="https://YOUR-BOT-ADDRESS/widget.js" async></script>
// Adds an accessible "Chat with us" button that opens the chat in a panel.
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script ? script.src : '/widget.js', window.location.href).origin;
  // eslint-disable-next-line no-undef -- the server replaces this with the library's name and colours
  var settings = __LIBRARY_WIDGET_SETTINGS__;
  var open = false;
  // The launcher speaks the browser's preferred language when we have its texts (the server sends all).
  var preferred = (window.navigator.languages || [window.navigator.language || 'en']).map(function (tag) {
    return String(tag).toLowerCase().split('-')[0];
  });
  var language =
    preferred.filter(function (code) {
      return Object.prototype.hasOwnProperty.call(settings.texts, code);
    })[0] || 'en';
  var words = settings.texts[language];

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = words.launcher;
  button.lang = language;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'library-chat-panel');
  button.style.cssText =
    'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:0.75rem 1.25rem;border:0;border-radius:2rem;' +
    'font:600 1rem system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3);' +
    'background:' +
    settings.colours.primary +
    ';color:' +
    settings.colours.onPrimary;
  // A visible focus ring in the library's colour (the host page's own styles may remove outlines).
  button.addEventListener('focus', function () {
    button.style.outline = '3px solid ' + settings.colours.primary;
    button.style.outlineOffset = '3px';
  });
  button.addEventListener('blur', function () {
    button.style.outline = '';
  });

  var panel = document.createElement('div');
  panel.id = 'library-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', words.chatRegion);
  panel.lang = language;
  panel.hidden = true;
  panel.style.cssText =
    'position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(380px,calc(100vw - 2rem));' +
    'height:min(600px,calc(100vh - 6rem));border:1px solid #ccc;border-radius:0.5rem;overflow:hidden;' +
    'box-shadow:0 4px 16px rgba(0,0,0,.3);background:#fff';

  var frame;
  function toggle() {
    open = !open;
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = origin + '/?embed=1';
      frame.title = words.chatRegion;
      frame.style.cssText = 'width:100%;height:100%;border:0';
      panel.appendChild(frame);
    }
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? words.closeChat : words.launcher;
    if (open && frame) frame.focus();
  }
  button.addEventListener('click', toggle);
  window.addEventListener('message', function (event) {
    if (event.origin === origin && event.data && event.data.type === 'library-chat-close' && open) {
      toggle();
      button.focus();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) {
      toggle();
      button.focus();
    }
  });
  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
