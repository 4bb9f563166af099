// A document's live preview: pages drawn as SVG, a transparent text layer over each (so the
// page can be searched, selected and read aloud), replaced in place when they change.
'use strict';
(function () {
  const doc = document.body.dataset.doc;
  const container = document.getElementById('pages');
  const overlay = document.getElementById('overlay');
  const overlayItems = document.getElementById('overlay-items');
  let shown = [];  // hash per page index
  let hidden = false;

  function textLayer(hash, width, height) {
    const layer = document.createElement('div');
    layer.className = 'text';
    fetch('/preview/pages/' + hash + '.json').then((r) => r.json()).then((runs) => {
      const frag = document.createDocumentFragment();
      for (const [x, y, size, w, text] of runs) {
        const span = document.createElement('span');
        span.textContent = text;
        span.style.left = (100 * x / width) + '%';
        span.style.top = (100 * (y - 0.8 * size) / height) + '%';
        span.style.fontSize = (100 * size / width) + 'cqw';
        frag.appendChild(span);
      }
      layer.replaceChildren(frag);
      layer.dataset.hash = hash;
    }).catch(() => {});
    return layer;
  }

  function pageElement(page, index, total) {
    const figure = document.createElement('figure');
    figure.className = 'page';
    figure.setAttribute('aria-label', drukwerkText('serve-page-of', { page: index + 1, pages: total }));
    const img = document.createElement('img');
    img.alt = '';
    img.width = Math.round(page.width);
    img.height = Math.round(page.height);
    img.decoding = 'async';
    img.loading = index < 3 ? 'eager' : 'lazy';
    img.src = '/preview/pages/' + page.hash + '.svg';
    const caption = document.createElement('figcaption');
    caption.textContent = String(index + 1);
    caption.setAttribute('aria-hidden', 'true');
    figure.append(img, textLayer(page.hash, page.width, page.height), caption);
    figure.dataset.hash = page.hash;
    return figure;
  }

  function replacePage(figure, page) {
    // Swap once the new drawing is loaded, so the page never flashes empty.
    const next = new Image();
    next.onload = () => {
      const img = figure.querySelector('img');
      img.src = next.src;
      img.width = Math.round(page.width);
      img.height = Math.round(page.height);
      figure.querySelector('.text').replaceWith(textLayer(page.hash, page.width, page.height));
      figure.dataset.hash = page.hash;
    };
    next.src = '/preview/pages/' + page.hash + '.svg';
  }

  function update(pages) {
    const loading = document.getElementById('loading');
    if (loading) loading.remove();
    const figures = Array.from(container.querySelectorAll('figure.page'));
    pages.forEach((page, i) => {
      if (i < figures.length) {
        if (shown[i] !== page.hash) replacePage(figures[i], page);
        figures[i].setAttribute('aria-label', drukwerkText('serve-page-of', { page: i + 1, pages: pages.length }));
      } else {
        container.appendChild(pageElement(page, i, pages.length));
      }
    });
    for (const extra of figures.slice(pages.length)) extra.remove();
    shown = pages.map((p) => p.hash);
    document.body.dataset.version = String((Number(document.body.dataset.version) || 0) + 1);
  }

  function status(s) {
    const errors = s.items.filter((d) => d.severity === 'error');
    overlayItems.replaceChildren(...errors.map((d) => {
      const pre = document.createElement('pre');
      pre.className = 'problem error';
      pre.textContent = d.text;
      return pre;
    }));
    if (errors.length === 0) hidden = false;
    overlay.hidden = errors.length === 0 || hidden;
  }

  document.getElementById('overlay-hide').addEventListener('click', () => { hidden = true; overlay.hidden = true; });
  drukwerkLive(doc, { pages: (p) => update(p.pages), status });
})();
