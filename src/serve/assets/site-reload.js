// Live reload for the website under /site/: reload the page once the content was rebuilt
// (the page then shows the new content). live.js wants an element to show its state in.
'use strict';
(function () {
  const state = document.createElement('p');
  state.id = 'live';
  state.hidden = true;
  document.body.appendChild(state);
  let seen = null;
  drukwerkLive(null, {
    status(s) {
      const key = s.good_generation;
      if (seen !== null && key !== seen) location.reload();
      seen = key;
    },
  });
})();
