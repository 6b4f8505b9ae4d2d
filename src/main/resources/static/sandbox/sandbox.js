// Picking another person in "You are" switches at once (no inline handler: the page's
// Content-Security-Policy allows scripts from files only).
(function () {
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.hasAttribute && target.hasAttribute('data-submit-on-change') && target.form) {
      target.form.submit();
    }
  });
})();

// Keeps the open chat fresh: re-renders the messages fragment every 1.5 s (no framework needed).
// An opened pin bar stays open (with its scroll position and focus) while the pinned message is the same.
(function () {
  var body = document.getElementById('chat-body');
  if (!body) return;
  var user = body.getAttribute('data-user'), chat = body.getAttribute('data-chat');
  var scrollDown = function () { var m = document.getElementById('messages'); if (m) m.scrollTop = m.scrollHeight; };
  var pinBar = function () { return body.querySelector('details.pinned'); };
  scrollDown();
  var last = body.innerHTML;
  setInterval(function () {
    fetch('/sandbox/messages?user=' + encodeURIComponent(user) + '&chat=' + encodeURIComponent(chat))
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#chat-body');
        if (fresh && fresh.innerHTML !== last) {
          last = fresh.innerHTML;
          var pin = pinBar();
          var kept = pin && pin.open ? { id: pin.getAttribute('data-pinned-id'), scroll: pin.scrollTop,
            focused: pin.contains(document.activeElement) } : null;
          body.innerHTML = fresh.innerHTML;
          var now = pinBar();
          if (kept && now && now.getAttribute('data-pinned-id') === kept.id) {
            now.open = true;
            now.scrollTop = kept.scroll;
            if (kept.focused) now.querySelector('summary').focus();
          }
          scrollDown();
        }
      })
      .catch(function () { /* the sandbox may be restarting */ });
  }, 1500);
})();
