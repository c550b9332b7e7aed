// An ARIA combobox over /v1/entities?q= (WAI-ARIA 1.2, list autocomplete): type words of a name, an alias or a
// descriptor, ArrowDown and ArrowUp through the matches, Enter to pick, Escape to close. Named and unnamed
// sources alike: an unnamed one is found by its descriptor ("police official"). A source is never a place (the
// format's rule), so only a combobox `withPlaces` (a claim's subjects) lists them.

function entityCombobox(label, text, onpick, withPlaces) {
  const listId = uniqueId('listbox');
  const input = el('input', { type: 'text', role: 'combobox', 'aria-label': label, 'aria-autocomplete': 'list',
                              'aria-expanded': 'false', 'aria-controls': listId, autocomplete: 'off', spellcheck: 'false',
                              value: text || '' });
  const list = el('ul', { role: 'listbox', id: listId, class: 'combobox-list', 'aria-label': label + ' matches', hidden: true });
  let options = [];
  let active = -1;
  let asked = 0;
  let timer = null;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function activate(index) {
    const items = list.querySelectorAll('[role="option"]');
    items.forEach(function (item, i) { item.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(index) {
    const entity = options[index];
    if (!entity) return;
    input.value = entityLabel(entity);
    close();
    onpick(entity);
  }

  function show(entities) {
    options = entities;
    list.replaceChildren();
    entities.forEach(function (entity, index) {
      const item = el('li', { role: 'option', id: listId + '-' + index, 'aria-selected': 'false',
                              onmousedown: function (event) { event.preventDefault(); pick(index); } },
                      el('span', { class: 'option-label', text: entityLabel(entity) }), ' ',
                      el('span', { class: 'option-meta', text: identity(entity) + ' · ' + entity.id }));
      list.append(item);
    });
    if (!entities.length) list.append(el('li', { class: 'combobox-empty', text: 'No source matches: use New source to create it.' }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    activate(-1);
  }

  async function search() {
    const words = input.value.trim();
    const ticket = ++asked;
    if (Array.from(words).length < 2) { close(); return; }
    const found = await Api.searchEntities(words);
    if (ticket === asked && document.activeElement === input) show(withPlaces ? found : found.filter(function (e) { return e.kind !== 'place'; }));
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', function (event) {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) { search(); return; }
      activate(Math.min(active + 1, options.length - 1));
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      activate(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });

  return { element: el('div', { class: 'combobox' }, input, list), input: input };
}
