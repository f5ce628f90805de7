// Shared by the patron page and the staff console: the library's colours on the page and in Web Chat,
// and text typed by the person at this page shown exactly as typed (no markdown, no links).
(function () {
  'use strict';

  function applyColours(colours) {
    var root = document.documentElement.style;
    root.setProperty('--library-primary', colours.primary);
    root.setProperty('--library-accent', colours.accent);
    root.setProperty('--library-background', colours.background);
    root.setProperty('--library-text', colours.text);
    root.setProperty('--library-on-primary', colours.onPrimary);
    root.setProperty('--library-muted', colours.muted);
  }

  // Every colour Web Chat paints is one of the library's, so the startup contrast check covers them.
  function styleOptions(colours, extra) {
    var options = {
      accent: colours.primary,
      backgroundColor: colours.background,
      subtle: colours.muted,
      timestampColor: colours.muted,
      bubbleBackground: colours.background,
      bubbleBorderColor: colours.muted,
      bubbleBorderRadius: 6,
      bubbleTextColor: colours.text,
      bubbleFromUserBackground: colours.primary,
      bubbleFromUserBorderColor: colours.primary,
      bubbleFromUserBorderRadius: 6,
      bubbleFromUserTextColor: colours.onPrimary,
      botAvatarBackgroundColor: colours.primary,
      cardEmphasisBackgroundColor: colours.background,
      cardPushButtonBackgroundColor: colours.primary,
      cardPushButtonTextColor: colours.onPrimary,
      // Suggested actions wrap on narrow screens instead of scrolling behind carousel arrows.
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: colours.background,
      suggestedActionBackgroundColorOnHover: colours.background,
      suggestedActionBackgroundColorOnActive: colours.background,
      suggestedActionBackgroundColorOnFocus: colours.background,
      suggestedActionBorderColor: colours.primary,
      suggestedActionBorderRadius: 4,
      suggestedActionTextColor: colours.primary,
      suggestedActionKeyboardFocusIndicatorBorderColor: colours.text,
      suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
      suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
      suggestedActionKeyboardFocusIndicatorInset: 3,
      suggestedActionsVisualKeyboardIndicatorColor: colours.text,
      sendBoxBackground: colours.background,
      sendBoxTextColor: colours.text,
      sendBoxPlaceholderColor: colours.muted,
      sendBoxBorderTop: 'solid 1px ' + colours.muted,
      sendBoxButtonColor: colours.primary,
      sendBoxButtonKeyboardFocusIndicatorBorderColor: colours.text,
      sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
      transcriptVisualKeyboardIndicatorColor: colours.text,
      transcriptActivityVisualKeyboardIndicatorColor: colours.text,
      transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
      transcriptActivityVisualKeyboardIndicatorWidth: 2,
      notificationText: colours.muted,
      // Nothing a patron types may become markup: no HTML from markdown anywhere in the chat.
      markdownRenderHTML: false,
      hideUploadButton: true,
      rootHeight: '100%',
    };
    Object.keys(extra || {}).forEach(function (key) {
      options[key] = extra[key];
    });
    return options;
  }

  function withActivity(action, activity) {
    var payload = Object.assign({}, action.payload, { activity: activity });
    return Object.assign({}, action, { payload: payload });
  }

  /** Messages from the person at this page (sent, or echoed back by Direct Line) as plain text. */
  function plainTypedText(action) {
    var activity = action.payload && action.payload.activity;
    if (!activity || activity.type !== 'message') return action;
    var typedHere =
      action.type === 'DIRECT_LINE/POST_ACTIVITY' ||
      (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity.from && activity.from.role === 'user');
    if (!typedHere) return action;
    return withActivity(action, Object.assign({}, activity, { textFormat: 'plain' }));
  }

  window.LibraryChat = {
    applyColours: applyColours,
    styleOptions: styleOptions,
    withActivity: withActivity,
    plainTypedText: plainTypedText,
  };
})();
