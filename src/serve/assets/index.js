// The index page: region filter, sector switch for the map, diagnostics kept up to date.
'use strict';
(function () {
  const filter = document.getElementById('filter');
  const items = Array.from(document.querySelectorAll('#regions li'));
  const count = document.getElementById('filter-count');
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  function applyFilter() {
    const words = fold(filter.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    const visible = new Set();
    for (const li of items) {
      const hit = words.every((w) => li.dataset.search.includes(w));
      li.hidden = !hit;
      if (hit) { shown++; visible.add(li.dataset.region); }
    }
    for (const a of document.querySelectorAll('.sector-map a.region')) {
      const id = a.getAttribute('href').split('/').pop();
      a.classList.toggle('dim', !visible.has(id));
    }
    count.textContent = shown === 1 ? '1 regio' : shown + " regio's";
  }
  if (filter) filter.addEventListener('input', applyFilter);

  const buttons = Array.from(document.querySelectorAll('.sector-switch button'));
  function showSector(sector) {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.sector === sector));
    for (const map of document.querySelectorAll('.sector-map')) map.hidden = map.dataset.sector !== sector;
  }
  for (const b of buttons) b.addEventListener('click', () => showSector(b.dataset.sector));
  if (buttons.length) showSector(buttons[0].dataset.sector);

  let regions = null;
  drukwerkLive(null, {
    status(s) {
      if (regions !== null && s.regions !== regions) { location.reload(); return; }
      regions = s.regions;
      const box = document.getElementById('status');
      const summary = document.getElementById('status-summary');
      const list = document.getElementById('problems');
      const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);
      box.className = 'status ' + (s.errors ? 'has-errors' : s.warnings ? 'has-warnings' : 'ok');
      summary.textContent = s.errors
        ? plural(s.errors, 'fout', 'fouten') + (s.warnings ? ' en ' + plural(s.warnings, 'waarschuwing', 'waarschuwingen') : '') +
          ' in de inhoud. De pdf\u2019s en voorbeelden tonen de laatste goede versie.'
        : s.warnings ? 'Geen fouten, ' + plural(s.warnings, 'waarschuwing', 'waarschuwingen') + '.'
        : 'Geen fouten of waarschuwingen.';
      list.replaceChildren(...s.items.map((d) => {
        const pre = document.createElement('pre');
        pre.className = 'problem ' + d.severity;
        pre.textContent = d.text;
        return pre;
      }));
    },
  });
})();
