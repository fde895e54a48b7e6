// A calculator's layout behaviour: the presets row, the pinned headline and the
// assumptions' summary lines. What they say comes from Python's answer (`headline`,
// `preset`, `groups`); this file only puts it in place, so it knows no field or rule.
//
// It talks to calculator.js through events on the calculator's element:
//   calc:answer  (from calculator.js, detail: Python's answer), after every answer;
//   calc:fill    (to calculator.js, detail: {field: text}), to fill the form and recompute.
import { readState } from "./url-state.js";

// The pinned headline follows every answer; a screen reader hears it once typing pauses,
// not after every keystroke.
const ANNOUNCE_DELAY_MS = 600;

export function enhanceLayout(element) {
  bindPresets(element);
  const summary = element.querySelector(".calc-summary");
  if (summary) trackSummaryHeight(element, summary);
  reflowWideTables(element);
  let pendingAnnouncement = 0;
  element.addEventListener("calc:answer", (event) => {
    const answer = event.detail;
    markPreset(element, answer.preset);
    showGroupSummaries(element, answer.groups || {});
    openFoldsWithErrors(element, answer.errors);
    if (!summary) return;
    summary.classList.toggle("is-stale", !answer.ok);
    clearTimeout(pendingAnnouncement);
    if (!answer.ok) return;
    showHeadline(summary, answer.headline);
    pendingAnnouncement = setTimeout(() => announceHeadline(summary), ANNOUNCE_DELAY_MS);
  });
}

// A preset is a real link (it opens in a new tab, it can be shared); a plain click fills
// the form in place instead of reloading the page.
function bindPresets(element) {
  const row = element.querySelector(".calc-presets");
  if (!row) return;
  row.addEventListener("click", (event) => {
    const link = event.target.closest("a.calc-preset");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const values = readState(element.dataset.calculator, new URL(link.href).search);
    markPreset(element, link.dataset.preset);
    element.dispatchEvent(new CustomEvent("calc:fill", { detail: values }));
  });
}

function markPreset(element, name) {
  for (const link of element.querySelectorAll("a.calc-preset")) {
    if (link.dataset.preset === name) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  }
}

function showGroupSummaries(element, groups) {
  for (const details of element.querySelectorAll("details[data-group]")) {
    const text = groups[details.dataset.group];
    const line = details.querySelector(":scope > summary");
    if (text && line.textContent !== text) line.textContent = text;
  }
}

// A message inside a closed assumptions group would go unseen: open the group.
function openFoldsWithErrors(element, errors) {
  for (const field of Object.keys(errors)) {
    const fold = element.querySelector(`[data-field="${CSS.escape(field)}"]`)?.closest("details");
    if (fold) fold.open = true;
  }
}

function showHeadline(summary, headline) {
  if (!headline) return;
  const text = summary.querySelector(".calc-summary-text");
  const figures = summary.querySelector(".calc-summary-figures");
  if (text.textContent !== headline.text) text.textContent = headline.text;
  const fresh = document.createElement("div");
  fresh.innerHTML = headline.figures;
  if (figures.textContent !== fresh.textContent) figures.replaceChildren(...fresh.childNodes);
  summary.dataset.tone = headline.tone;
}

// The headline's words and key figures, said together in one live-region update.
function announceHeadline(summary) {
  const said = summary.querySelector(".calc-summary-said");
  const figures = [...summary.querySelectorAll(".calc-summary-figures li")].map((item) => item.textContent);
  const words = [summary.querySelector(".calc-summary-text").textContent, ...figures].join(". ");
  // Saying the same words again would make some screen readers repeat them.
  if (said.textContent !== words) said.textContent = words;
}

// A field brought into view (focus, a jump) must stop below the pinned headline, whose
// height changes with what it says: the stylesheet reads it from --calc-summary-height.
function trackSummaryHeight(element, summary) {
  if (!window.ResizeObserver) return;
  new ResizeObserver(() => {
    element.style.setProperty("--calc-summary-height", `${summary.offsetHeight}px`);
  }).observe(summary);
}

// A table wider than its column (large figures on a phone) is laid out a row at a time,
// each value beside its column's name, instead of widening the page. Checked when the
// column's width changes and after each new result.
function reflowWideTables(element) {
  const result = element.querySelector(".calc-result");
  if (!result) return;
  const reflow = () => {
    for (const table of result.querySelectorAll("table")) {
      table.classList.remove("calc-table--stacked");
      if (table.scrollWidth > result.clientWidth + 1) table.classList.add("calc-table--stacked");
    }
  };
  element.addEventListener("calc:result", reflow);
  if (window.ResizeObserver) new ResizeObserver(reflow).observe(result);
  reflow();
}
