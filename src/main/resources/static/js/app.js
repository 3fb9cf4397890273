// Herald's small client-side helpers. Pages work without them; they only enhance.
document.addEventListener('htmx:configRequest', (event) => {
  // htmx requests carry the CSRF token like every form post does.
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
