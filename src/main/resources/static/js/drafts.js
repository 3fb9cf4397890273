// Composer enhancements. The composer works without this file: every button submits the
// form and the server renders the page again, live panel included.
(() => {
  // With JavaScript the live panel follows the typing, so the refresh button is not needed.
  document.documentElement.classList.add('js');

  // After adding or moving an element the page reloads; bring the changed element back into view.
  const params = new URLSearchParams(window.location.search);
  document.addEventListener('DOMContentLoaded', () => {
    const composer = document.getElementById('composer');
    if (!composer) {
      return;
    }
    composer.addEventListener('submit', (event) => {
      const button = event.submitter;
      // "Save mine on top" leaves the composer, like save.
      if (button && button.name === 'action' && button.value !== 'save' && button.value !== 'overwrite') {
        sessionStorage.setItem('herald-composer-scroll', String(window.scrollY));
      }
    });
    const scroll = sessionStorage.getItem('herald-composer-scroll');
    if (scroll !== null && !params.has('noscroll')) {
      sessionStorage.removeItem('herald-composer-scroll');
      window.scrollTo(0, Number(scroll));
    }
  });
})();
