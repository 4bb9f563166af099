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
    count.textContent = drukwerkCount('serve-index-region-count', shown);
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
      const t = drukwerkText;
      const errors = drukwerkCount('serve-script-errors', s.errors);
      const warnings = drukwerkCount('serve-script-warnings', s.warnings);
      box.className = 'status ' + (s.errors ? 'has-errors' : s.warnings ? 'has-warnings' : 'ok');
      summary.textContent = s.errors
        ? (s.warnings ? t('serve-script-summary-errors-warnings', { errors, warnings }) : t('serve-script-summary-errors', { errors }))
        : s.warnings ? t('serve-script-summary-warnings', { warnings })
        : t('serve-summary-ok');
      list.replaceChildren(...s.items.map((d) => {
        const pre = document.createElement('pre');
        pre.className = 'problem ' + d.severity;
        pre.textContent = d.text;
        return pre;
      }));
    },
  });
})();
