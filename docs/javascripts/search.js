// Tells the site's search worker (search-worker.js) that the reader opened the search, so
// that Material's index is built while they type their first word instead of after it.
// Focus covers every way in: a click or tap on the search box or its icon, and the "/" key.
const query = document.querySelector("[data-md-component=search-query]");
const channel = new BroadcastChannel("search-opened");
query?.addEventListener("focus", () => channel.postMessage(true), { once: true });
