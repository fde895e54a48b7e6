// A calculator's inputs in the page URL, as `?NAME.field=value`, so a reload or a
// shared link shows the same answer. Several calculators can share one page's URL.

// `search` is the page's own query unless given, e.g. a preset link's.
export function readState(calculator, search = location.search) {
  const prefix = `${calculator}.`;
  // No prototype: a hand-edited `?NAME.__proto__=` is just an unknown key, which Python
  // then reports as ignored, instead of silently changing this object.
  const values = Object.create(null);
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(prefix)) values[key.slice(prefix.length)] = value;
  }
  return values;
}

export function stateUrl(calculator, state) {
  const url = new URL(location.href);
  const prefix = `${calculator}.`;
  for (const key of [...url.searchParams.keys()]) {
    if (key.startsWith(prefix)) url.searchParams.delete(key);
  }
  for (const [field, value] of Object.entries(state)) url.searchParams.set(prefix + field, value);
  return url;
}

export function writeState(calculator, state) {
  history.replaceState(history.state, "", stateUrl(calculator, state));
}
