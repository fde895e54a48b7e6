// The light/dark switch in the header, in place of Material's palette component (see
// overrides/partials/palette.html for why). The choice is stored where the theme keeps it
// (__md_set("__palette")), so the theme's inline script applies it before the first paint
// of every page; this script only answers the reader's clicks and the system's changes,
// and so costs the page nothing while it loads.
import { whenPageIsIdle } from "./shared.js";

const form = document.querySelector("form.md-header__option");
const inputs = form ? [...form.querySelectorAll("input[name=__palette]")] : [];
const SYSTEM = "(prefers-color-scheme)";
const systemIsLight = matchMedia("(prefers-color-scheme: light)");

// The input whose colours show now: under "follow the system", the light or dark option.
function shownInput(input) {
  if (input.dataset.mdColorMedia !== SYSTEM) return input;
  const media = systemIsLight.matches ? "(prefers-color-scheme: light)" : "(prefers-color-scheme: dark)";
  return inputs.find((candidate) => candidate.dataset.mdColorMedia === media) || input;
}

function showToggle(index) {
  inputs.forEach((input, i) => {
    const label = input.nextElementSibling;
    if (label instanceof HTMLLabelElement) label.hidden = i !== index;
  });
}

// The colour the browser paints its own bar in (phones): the header's, as the theme did.
function updateThemeColor() {
  let meta = document.querySelector("meta[name=theme-color]");
  if (!meta) {
    meta = Object.assign(document.createElement("meta"), { name: "theme-color" });
    document.head.appendChild(meta);
  }
  const header = document.querySelector("[data-md-component=header]");
  if (header) meta.content = getComputedStyle(header).backgroundColor;
}

function apply(index) {
  const input = inputs[index];
  const shown = shownInput(input);
  const color = {
    media: input.dataset.mdColorMedia,
    scheme: shown.dataset.mdColorScheme,
    primary: shown.dataset.mdColorPrimary,
    accent: shown.dataset.mdColorAccent,
  };
  // The theme's stylesheet turns transitions off under this attribute, so the page
  // changes colour at once instead of fading element by element.
  document.body.setAttribute("data-md-color-switching", "");
  for (const [key, value] of Object.entries(color)) document.body.setAttribute(`data-md-color-${key}`, value);
  // The canvas and scroll bars follow the scheme the theme's stylesheet gives the page.
  const scheme = document.querySelector("meta[name=color-scheme]");
  if (scheme) scheme.content = getComputedStyle(document.body).colorScheme;
  showToggle(index);
  __md_set("__palette", { index, color });
  updateThemeColor();
  setTimeout(() => document.body.removeAttribute("data-md-color-switching"));
}

function storedIndex() {
  const index = __md_get("__palette")?.index ?? 0;
  return Math.max(0, Math.min(index, inputs.length - 1));
}

if (inputs.length) {
  showToggle(storedIndex());
  inputs.forEach((input, index) => input.addEventListener("change", () => apply(index)));
  // Enter on the focused switch moves to the next choice, as a click on it would.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const next = inputs[(storedIndex() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  systemIsLight.addEventListener("change", () => {
    if (inputs[storedIndex()].dataset.mdColorMedia === SYSTEM) apply(storedIndex());
  });
  whenPageIsIdle(updateThemeColor, 2000);
}
