// Campaign editor: show only the schedule fields of the chosen kind. Without this script
// every field stays visible and the server ignores those of other kinds.
(() => {
  const form = document.getElementById('campaign-form');
  if (!form) {
    return;
  }
  const update = () => {
    const chosen = form.querySelector('input.schedule-kind:checked');
    const kind = chosen ? chosen.value : '';
    form.querySelectorAll('.schedule-part').forEach((part) => {
      part.hidden = !part.dataset.kinds.split(' ').includes(kind);
    });
  };
  form.querySelectorAll('input.schedule-kind').forEach((input) => input.addEventListener('change', update));
  update();
})();

// Audience picker: accounts found by search are added to one hidden field of ids (never one
// form field per account); the live count updates on "audience-changed".
(() => {
  const field = document.getElementById('accountIds');
  const picked = document.getElementById('picked');
  if (!field || !picked) {
    return;
  }
  const ids = () => field.value.split(',').filter((id) => id !== '');
  const changed = () => document.body.dispatchEvent(new Event('audience-changed'));
  document.addEventListener('click', (event) => {
    const add = event.target.closest('.pick-account');
    if (add) {
      const id = add.dataset.id;
      if (!ids().includes(id)) {
        field.value = ids().concat(id).join(',');
        const item = document.createElement('li');
        item.className = 'badge text-bg-secondary picked-account';
        item.dataset.id = id;
        const label = document.createElement('span');
        label.textContent = add.dataset.label;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn-close btn-close-white ms-1 unpick-account';
        remove.setAttribute('aria-label', add.dataset.label);
        item.append(label, remove);
        picked.append(item);
        changed();
      }
      add.disabled = true;
      return;
    }
    const remove = event.target.closest('.unpick-account');
    if (remove) {
      const item = remove.closest('.picked-account');
      field.value = ids().filter((id) => id !== item.dataset.id).join(',');
      item.remove();
      changed();
    }
  });
})();
