// Drives the built site in Firefox over WebDriver BiDi (npm's puppeteer-core, pinned in
// package-lock.json): a calculator answers a typed value on a first visit, a shared link's
// values come back, and the search finds a page. Prints what it saw, as JSON, for
// test_firefox.py to judge.
//   node tests/e2e/firefox.mjs FIREFOX SITE_URL
import puppeteer from "puppeteer-core";

const [executablePath, site] = process.argv.slice(2);
const READINESS = '.calc[data-calculator="readiness"]';
const ADVISOR = '.calc[data-calculator="advisor"]';
const TIMEOUT_MS = 120_000;

const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true });
const seen = { problems: [] };
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on("console", (message) => message.type() === "error" && seen.problems.push(message.text()));
  page.on("pageerror", (error) => seen.problems.push(error.message));
  await page.setViewport({ width: 390, height: 844 });

  await page.goto(site + "fine-tuning/", { waitUntil: "load" });
  await page.click(`${READINESS} input[name=examples]`, { count: 3 });
  await page.keyboard.type("640");
  await page.waitForFunction((calc) => document.querySelector(`${calc} .calc-status`).dataset.state === "ready"
    && document.querySelector(`${calc} .calc-result`).textContent.includes("640"), {}, READINESS);
  seen.readiness = await page.$eval(`${READINESS} .calc-result`, (result) => result.textContent);

  await page.goto(site + "decide/?advisor.examples=40", { waitUntil: "load" });
  await page.waitForFunction((calc) => document.querySelector(`${calc} .calc-status`).dataset.state === "ready",
    {}, ADVISOR);
  seen.linked = await page.$eval(`${ADVISOR} input[name=examples]`, (input) => input.value);

  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(site + "glossary/", { waitUntil: "load" });
  await page.waitForFunction(() => document.querySelector(".md-search-result__meta")?.textContent);
  await page.keyboard.press("/");
  await page.keyboard.type("retrieval");
  await page.waitForSelector(".md-search-result__item");
  seen.search = await page.$eval(".md-search-result__meta", (meta) => meta.textContent);
} catch (error) {
  seen.problems.push(`the run stopped: ${error.message}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
