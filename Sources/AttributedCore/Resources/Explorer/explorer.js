// attributed explorer: the one script. Selecting a highlighted claim (click, or Enter/Space on a focused one)
// shows its chain, drawn by the server and hidden in the page until then, and marks its cue words in the text.
// A highlight that several claims share selects each in turn. `#claim-ID` in the address selects that claim.
'use strict';

(function () {
  let selected = null;

  function idsOf(element, attribute) {
    return (element.getAttribute(attribute) || '').split(' ').filter(function (id) { return id !== ''; });
  }

  function select(id) {
    const figure = document.getElementById('chain-' + id);
    if (!figure) return false;
    document.querySelectorAll('.chain-figure').forEach(function (other) { other.hidden = other !== figure; });
    document.querySelectorAll('mark.claim').forEach(function (mark) {
      const on = idsOf(mark, 'data-claim-id').indexOf(id) !== -1;
      mark.classList.toggle('selected', on);
      mark.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    document.querySelectorAll('.cue').forEach(function (cue) {
      cue.classList.toggle('cue-active', idsOf(cue, 'data-cue-of').indexOf(id) !== -1);
    });
    const hint = document.getElementById('chain-hint');
    if (hint) hint.hidden = true;
    selected = id;
    history.replaceState(null, '', '#claim-' + id);
    return true;
  }

  function choose(mark) {
    const ids = idsOf(mark, 'data-claim-id');
    const next = (ids.indexOf(selected) + 1) % ids.length;  // -1 + 1: the first
    select(ids[next]);
  }

  document.addEventListener('click', function (event) {
    const mark = event.target.closest('mark.claim');
    if (mark) choose(mark);
  });

  document.addEventListener('keydown', function (event) {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.matches && event.target.matches('mark.claim')) {
      event.preventDefault();
      choose(event.target);
    }
  });

  // The claim the address names, when the page opens and when only the address's #fragment changes.
  function selectFromAddress() {
    const match = /^#claim-(.+)$/.exec(location.hash);
    if (match && select(decodeURIComponent(match[1]))) {
      const mark = document.querySelector('mark.claim.selected');
      if (mark) mark.scrollIntoView({ block: 'center' });
    }
  }

  window.addEventListener('hashchange', selectFromAddress);
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('mark.claim').forEach(function (mark) { mark.setAttribute('role', 'button'); });
    selectFromAddress();
  });
})();
