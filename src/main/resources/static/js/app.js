// Herald's small client-side helpers. Pages work without them; they only enhance.
document.addEventListener('htmx:configRequest', (event) => {
  // htmx requests carry the CSRF token like every form post does.
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Remember the browser's time zone so the server can show times in it.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    document.cookie = 'herald-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
  }
})();

// Live panels (data-live-poll) skip their polls while the tab is hidden; showing the tab
// again triggers one (their data-hx-trigger includes "visibilitychange from:document").
document.addEventListener('htmx:beforeRequest', (event) => {
  if (document.hidden && event.detail.elt.hasAttribute('data-live-poll')) {
    event.preventDefault();
  }
});
