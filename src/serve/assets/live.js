// The push channel shared by the index and preview pages: server-sent events from /events.
'use strict';
function drukwerkLive(doc, handlers) {
  const live = document.getElementById('live');
  const url = '/events' + (doc ? '?doc=' + encodeURIComponent(doc) : '');
  const source = new EventSource(url);
  source.onopen = () => { live.textContent = 'live'; live.className = 'live connected'; };
  source.onerror = () => { live.textContent = 'verbinding verbroken, opnieuw proberen…'; live.className = 'live lost'; };
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
  }
  return source;
}
