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

// Ask before what cannot be undone. A form marked data-confirm first posts without
// "confirmed": the server changes nothing and answers its question (the page it shows
// without JavaScript), here only the <dialog>, whose form posts again with
// confirmed=true. data-confirm-if-unchecked="name" asks only while that checkbox is off.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) {
    return;
  }
  const unless = form.dataset.confirmIfUnchecked;
  if (unless && form.elements.namedItem(unless)?.checked) {
    return;
  }
  event.preventDefault();
  if (form.dataset.confirmAsking) {
    return; // a double-click asks once
  }
  form.dataset.confirmAsking = 'true';
  const opener = event.submitter || document.activeElement;
  fetch(form.action, {
    method: 'POST',
    body: new URLSearchParams(new FormData(form)),
    headers: { 'X-Herald-Confirm': 'dialog' },
    credentials: 'same-origin',
  })
    .then(async (response) => ({ response, html: await response.text() }))
    .then(({ response, html }) => {
      delete form.dataset.confirmAsking;
      const dialog = new DOMParser().parseFromString(html, 'text/html').querySelector('dialog#confirm-dialog');
      if (dialog) {
        showConfirmation(dialog, opener);
      } else if (response.redirected) {
        window.location.assign(response.url); // nothing to ask: the server went ahead
      } else {
        HTMLFormElement.prototype.submit.call(form); // its page says why not
      }
    })
    .catch(() => {
      delete form.dataset.confirmAsking;
      HTMLFormElement.prototype.submit.call(form);
    });
});

function showConfirmation(dialog, opener) {
  document.body.append(dialog);
  dialog.querySelector('[data-confirm-back]').addEventListener('click', () => dialog.close());
  // Escape closes it too; either way nothing was changed and focus goes back.
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener instanceof HTMLElement) {
      opener.focus();
    }
  });
  dialog.showModal();
}

// Live panels (data-live-poll) skip their polls while the tab is hidden; showing the tab
// again triggers one (their data-hx-trigger includes "visibilitychange from:document").
document.addEventListener('htmx:beforeRequest', (event) => {
  if (document.hidden && event.detail.elt.hasAttribute('data-live-poll')) {
    event.preventDefault();
  }
});
