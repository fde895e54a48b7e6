// Enhances every calculator the build pre-rendered into the page; the build places this
// script only on pages that have one (the calculators plugin's page_scripts). There,
// Python's runtime downloads at once; Python (in a worker) starts when a calculator is
// first touched, or once the page has loaded and gone quiet with a calculator near the
// screen. A reader who asked the browser to save data, or on a slow connection, gets
// Python only when they touch a calculator, and the status line says so. Nothing here
// knows a field, a number or a rule: those all come from Python.
import { enhanceLayout } from "./calculator-layout.js";
import { Python } from "./python.js";
import { describe, whenPageIsIdle } from "./shared.js";
import { readState, stateUrl, writeState } from "./url-state.js";

// SIZE is what a first visit's Python downloads (the build states it in the page).
const STATUS = {
  idle: "Change a value and the result recomputes here, in your browser.",
  waiting: "To save your data, Python (SIZE) loads only when you change a value. The result below is already right for the values shown.",
  loading: "Loading Python (SIZE, once) to recompute in your browser. Later visits reuse the copy your browser keeps. Meanwhile, the result below is right for the values shown.",
  slow: "Still loading Python (SIZE): the connection seems slow. The result below is for the values the page was built with.",
  linked: "Loading Python (SIZE, once) to show the values from your link…",
  ready: "Ready: the result recomputes as you change a value.",
  invalid: "Fix the marked value. The result below is for your last valid values.",
  restarting: "Python stopped (REASON) and is restarting; your values are kept.",
  failed: "Python could not start here: REASON. The result below is for the values the page was built with.",
  crashed: "The calculation failed: REASON. The result below is for your last valid values.",
  unfinished: "That did not work: REASON.",
  offline: "You are offline, and this browser has not kept Python for offline use yet. The result below is for the values the page was built with; change a value once you are back online.",
};
// A browser that kept Python from an earlier visit downloads next to nothing: these say so.
const STATUS_KEPT = {
  waiting: "To save your data, Python starts only when you change a value. The result below is already right for the values shown.",
  loading: "Starting Python from the copy your browser keeps, to recompute here. Meanwhile, the result below is right for the values shown.",
  slow: "Python is slow to start. The result below is for the values the page was built with.",
  linked: "Starting Python from the copy your browser keeps, to show the values from your link…",
};
// While Python (re)starts, these messages say more than a plain "loading" would.
const KEEP_WHILE_LOADING = new Set(["linked", "restarting", "slow"]);
const NEAR_VIEWPORT = "400px";
// The address bar follows the inputs once typing pauses: history.replaceState costs
// Chromium more than the whole computation, so it stays off the per-keystroke path.
const URL_WRITE_DELAY_MS = 300;

// Connections the browser rates this slow get no download until the reader asks for one.
const SLOW_CONNECTIONS = new Set(["slow-2g", "2g", "3g"]);

// "4.9 MB" (10^6 bytes), from the calculators-download meta; "" if the page has none.
function downloadSize() {
  const bytes = Number(document.querySelector('meta[name="calculators-download"]')?.content);
  return bytes > 0 ? `${(bytes / 1e6).toFixed(1)} MB` : "";
}

function statusText(state, kept) {
  const text = (kept && STATUS_KEPT[state]) || STATUS[state];
  const size = downloadSize();
  return size ? text.replace("SIZE", size) : text.replace(/ \(SIZE[^)]*\)/, "");
}

function savingData() {
  const connection = navigator.connection;
  return Boolean(connection && (connection.saveData || SLOW_CONNECTIONS.has(connection.effectiveType)));
}

function enhancePage() {
  const elements = document.querySelectorAll(".calc[data-calculator]");
  if (!elements.length) return; // a guide page: no Python at all
  const python = new Python();
  // Python's state, for the offline copy, which waits while Python starts (offline.js).
  python.onStatus((state) => document.dispatchEvent(new CustomEvent("calc:python", { detail: state })));
  const views = [...elements].map((element) => new CalculatorView(element, python));
  if (savingData()) {
    python.keptKnown.then(() => {
      for (const view of views) if (view.status.dataset.state === "idle") view.say("waiting");
    });
    return;
  }
  // Downloading costs the page only bandwidth; starting (compiling the runtime) costs
  // CPU, which a phone's page needs while it loads, so that waits for a quiet moment.
  python.prefetch();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      whenPageIsIdle(() => python.start().catch(() => {}), 1000); // failures show in each status line
    }
  }, { rootMargin: NEAR_VIEWPORT });
  for (const view of views) observer.observe(view.element);
}

class CalculatorView {
  constructor(element, python) {
    this.element = element;
    this.python = python;
    this.name = element.dataset.calculator;
    this.form = element.querySelector(".calc-form");
    this.status = element.querySelector(".calc-status");
    this.result = element.querySelector(".calc-result");
    this.notes = element.querySelector(".calc-notes");
    this.busy = false;
    this.pending = false;
    this.sent = null; // the values last sent, as JSON: a blur's "change" repeats them
    this.unplaced = Object.create(null); // linked values with no control: Python reports on them
    this.bindForm();
    this.bindActions();
    this.bindLayout();
    python.onStatus((state, reason) => this.onPythonStatus(state, reason));
    const linked = readState(this.name);
    if (Object.keys(linked).length) {
      this.fill(linked);
      this.say("linked");
      this.recompute();
    }
  }

  bindForm() {
    const changed = (event) => {
      // The reader's own choice outranks a linked value still waiting for Python's answer.
      delete this.unplaced[event.target.name];
      this.recompute();
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      changed();
    });
    // A pointer on its way to a control, or the keyboard's focus, comes before the first input.
    const warm = () => this.python.start().catch(() => {});
    this.element.addEventListener("pointerdown", warm, { once: true });
    this.form.addEventListener("focusin", warm, { once: true });
  }

  // The presets row, pinned headline and folded groups (calculator-layout.js) hear every
  // answer, and may ask for the form to be filled, e.g. with a preset.
  bindLayout() {
    enhanceLayout(this.element);
    this.element.addEventListener("calc:fill", (event) => {
      this.fill(event.detail);
      this.recompute();
    });
  }

  bindActions() {
    const actions = this.element.querySelector(".calc-actions");
    if (!actions) return;
    actions.hidden = false; // the buttons need a script: without one they stay hidden
    actions.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      this.act(button.dataset.action, button).then(
        () => {
          button.dataset.done = "true";
          setTimeout(() => delete button.dataset.done, 2000);
        },
        (error) => this.say("unfinished", describe(error)),
      );
    });
  }

  // The result's Markdown and downloads are kept on .calc-result by the build and by
  // show(), so every button acts on what the reader sees.
  async act(action, button) {
    if (action === "download") {
      const item = JSON.parse(this.result.dataset.downloads)[button.dataset.download];
      return download(item);
    }
    if (!navigator.clipboard) throw new Error("this browser does not allow copying from the page");
    const text = action === "copy-link"
      ? stateUrl(this.name, this.formValues()).href
      : this.result.dataset.markdown;
    await navigator.clipboard.writeText(text);
  }

  onPythonStatus(state, reason) {
    const shown = this.status.dataset.state;
    // Said before the page knew whether the browser kept Python: say it again, knowing.
    if (state === "loading" && shown === "linked") return this.say("linked");
    if (state === "loading" && KEEP_WHILE_LOADING.has(shown)) return;
    if (state === "ready" && shown === "invalid") return;
    // Offline before Python was ever kept: the download error's URL would not help anyone.
    if (state === "failed" && !navigator.onLine) return this.say("offline");
    if (state in STATUS) this.say(state, reason);
  }

  // Inputs arrive faster than answers: keep one request in flight and send only the
  // newest values when it returns, so no keystroke waits behind a stale computation
  // and no answer can arrive out of order.
  recompute() {
    if (this.busy) {
      this.pending = true;
      return;
    }
    const values = this.formValues();
    const sent = JSON.stringify(values);
    if (sent === this.sent) return;
    this.busy = true;
    this.sent = sent;
    this.python.run(this.name, values)
      .then((answer) => this.show(answer))
      .catch((error) => {
        this.sent = null; // the same values may be tried again
        if (this.python.state === "ready") this.say("crashed", error.message);
      })
      .finally(() => {
        this.busy = false;
        if (this.pending) {
          this.pending = false;
          this.recompute();
        }
      });
  }

  show(answer) {
    keepFocusStill(this.element, () => this.render(answer));
  }

  render(answer) {
    this.placeLinkedValues(answer.state);
    this.element.dispatchEvent(new CustomEvent("calc:answer", { detail: answer }));
    this.showErrors(answer.errors);
    this.notes.innerHTML = answer.notes_html;
    this.notes.hidden = answer.notes.length === 0;
    // The link holds what the boxes hold, valid or not, so a shared link shows the same form.
    clearTimeout(this.urlWrite);
    this.urlWrite = setTimeout(() => writeState(this.name, answer.state), URL_WRITE_DELAY_MS);
    if (!answer.ok) {
      this.result.classList.add("is-stale");
      this.say("invalid");
      return;
    }
    this.unplaced = Object.create(null); // reported once; the form now holds the reader's values
    this.result.innerHTML = answer.html;
    this.result.classList.remove("is-stale");
    this.result.dataset.markdown = answer.markdown;
    this.result.dataset.downloads = JSON.stringify(answer.downloads);
    this.say("ready");
    this.element.dispatchEvent(new CustomEvent("calc:result", { bubbles: true }));
  }

  showErrors(errors) {
    for (const slot of this.form.querySelectorAll("[data-error-for]")) {
      const message = errors[slot.dataset.errorFor] || "";
      slot.textContent = message;
      slot.hidden = !message;
      for (const control of this.controls(slot.dataset.errorFor)) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
  }

  // A linked value no control matched (a choice given by its label, say) is shown as
  // Python read it, so the form holds it and sends it from now on.
  placeLinkedValues(state) {
    for (const field of Object.keys(this.unplaced)) {
      if (!(field in state)) continue; // not an input: Python's note reports it
      delete this.unplaced[field];
      this.fill({ [field]: state[field] }); // still no match: kept as typed, as before
    }
  }

  formValues() {
    return { ...this.unplaced, ...Object.fromEntries(new FormData(this.form)) };
  }

  fill(values) {
    for (const [field, value] of Object.entries(values)) {
      let placed = false;
      for (const control of this.controls(field)) {
        if (control.type === "radio") {
          control.checked = control.value === value;
          placed ||= control.checked;
        } else {
          control.value = value;
          // A drop-down refuses a value it has no option for; Python reports it instead.
          placed = control.value === value;
        }
      }
      if (!placed) this.unplaced[field] = value;
    }
  }

  controls(field) {
    return this.form.querySelectorAll(`[name="${CSS.escape(field)}"]`);
  }

  say(state, reason = "") {
    this.status.dataset.state = state;
    this.status.textContent = statusText(state, this.python.kept).replace("REASON", reason);
  }
}

// An answer changes heights above the field being typed in (the pinned headline takes
// another line, a message appears): the field stays where it is on screen. The browser's
// scroll anchoring cannot be relied on for this, since it may anchor on the pinned bar.
function keepFocusStill(element, change) {
  const field = element.contains(document.activeElement) ? document.activeElement : null;
  const before = field?.getBoundingClientRect().top;
  change();
  if (!field) return;
  const moved = field.getBoundingClientRect().top - before;
  if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
}

function download({ text, filename, media_type: type }) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

enhancePage();
