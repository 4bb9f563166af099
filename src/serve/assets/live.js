// Shared by the index, preview and editor pages: their words, and the push channel
// (server-sent events from /events).
'use strict';

// The page's texts in the reader's language, given by the server as data (never run: the
// strict CSP allows it). `{name}` in a text is filled from `args`; a plural is chosen with
// drukwerkCount. A page without texts (the website under /site/) shows the ids.
const drukwerkTexts = (function () {
  const data = document.getElementById('texts');
  try { return data ? JSON.parse(data.textContent) : {}; } catch (e) { return {}; }
})();
function drukwerkText(id, args) {
  const text = Object.prototype.hasOwnProperty.call(drukwerkTexts, id) ? drukwerkTexts[id] : id;
  return text.replace(/\{(\w+)\}/g, (all, name) => (args && name in args ? String(args[name]) : all));
}
// A plural: `id.one` for 1, `id.other` for any other count (Dutch and English choose alike).
function drukwerkCount(id, count, args) {
  return drukwerkText(id + (count === 1 ? '.one' : '.other'), Object.assign({ count: drukwerkNumber(count) }, args || {}));
}
// A whole number grouped the page's language's way (16.635, 16,635).
function drukwerkNumber(n) {
  return Number(n).toLocaleString(document.documentElement.lang || 'nl');
}

function drukwerkLive(doc, handlers) {
  const t = drukwerkText;
  const live = document.getElementById('live');
  const url = '/events' + (doc ? '?doc=' + encodeURIComponent(doc) : '');
  const source = new EventSource(url);
  source.onopen = () => { live.textContent = t('serve-live-connected'); live.className = 'live connected'; };
  source.onerror = () => { live.textContent = t('serve-live-lost'); live.className = 'live lost'; };
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
  }
  return source;
}
