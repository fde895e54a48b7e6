// Stands in for Material's search worker until the reader opens the search. Material's script
// hands its worker the site's whole search index as every page loads, and the worker builds
// a Lunr index from it at once: CPU that the page's own start, and Python's, need (figures in
// build_hooks/search.py, which points the page's config here). This worker keeps the index,
// tells the page it is ready, and answers the empty query the page sends at start as
// Material's worker would. Once the reader opens the search (search.js says so) or searches,
// it loads Material's worker here and hands it the index; from then on Material's worker
// answers every message itself.
//
// Material's worker is named after the "#" in this file's URL. The message types are
// Material's own (its SearchMessageType); tests/e2e/test_search.py fails if they change.
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const MATERIAL_WORKER = new URL(self.location.hash.slice(1), self.location.href).href;
const postToPage = self.postMessage; // a worker's own property, not its prototype's

let setup = null; // the page's setup message, which holds the index
let opened = false; // the reader opened the search
let materialBuilt = null; // a promise, once Material's worker has the index

self.addEventListener("message", standIn);
new BroadcastChannel("search-opened").onmessage = () => {
  opened = true;
  if (setup) handOver();
};

function standIn({ data }) {
  if (data.type === SETUP) {
    setup = data;
    postToPage.call(self, { type: READY });
    if (opened) handOver();
  } else if (data.type === QUERY && !String(data.data).trim()) {
    postToPage.call(self, { type: RESULT, data: { items: [] } }); // as Material's worker answers
  } else {
    const built = handOver();
    if (built) built.then(() => self.dispatchEvent(new MessageEvent("message", { data })));
    else postToPage.call(self, { type: RESULT, data: { items: [] } }); // the next search retries
  }
}

// Loads Material's worker and has it build its index, all in this task (so no message
// reaches it half-built). Its "ready" is kept from the page, which heard one already.
// Returns a promise of the build, or null when Material's worker could not load.
function handOver() {
  if (materialBuilt) return materialBuilt;
  self.removeEventListener("message", standIn);
  materialBuilt = new Promise((built) => {
    self.postMessage = (reply) => (reply?.type === READY ? built() : postToPage.call(self, reply));
  }).then(() => {
    self.postMessage = postToPage;
  });
  try {
    importScripts(MATERIAL_WORKER);
  } catch {
    // Offline before the site was kept: the next search tries again.
    self.postMessage = postToPage;
    materialBuilt = null;
    self.addEventListener("message", standIn);
    return null;
  }
  self.dispatchEvent(new MessageEvent("message", { data: setup }));
  return materialBuilt;
}
