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
