// Copies the import closure of roots.txt out of the pinned @grpc/grpc-js-xds package into one proto tree,
// patching the one known incompatibility, and writes the list of files to compile.
//
// Usage: node extract.mjs <output-dir>
// Runs `npm ci` first when node_modules is missing or older than package-lock.json.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, "obj"));
const depsDir = path.join(here, "node_modules", "@grpc", "grpc-js-xds", "deps");
const importRoots = ["envoy-api", "xds", "googleapis", "protoc-gen-validate"].map((d) => path.join(depsDir, d));
// protoc ships these with Grpc.Tools; they are not copied.
const wellKnownPrefix = "google/protobuf/";

ensurePackageInstalled();
const closure = importClosure(readRoots());
fs.rmSync(outDir, { recursive: true, force: true });
for (const rel of closure) {
  const target = path.join(outDir, rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, patch(rel, fs.readFileSync(locate(rel), "utf8")));
}
fs.writeFileSync(path.join(outDir, "closure.txt"), closure.join("\n") + "\n");
console.log(`extract.mjs: ${closure.length} protos in ${outDir}`);

function ensurePackageInstalled() {
  const lock = path.join(here, "package-lock.json");
  const marker = path.join(here, "node_modules", ".package-lock.json");
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (!fresh || !fs.existsSync(depsDir)) {
    execSync("npm ci --ignore-scripts --no-audit --no-fund", { cwd: here, stdio: "inherit" });
  }
}

function readRoots() {
  return fs
    .readFileSync(path.join(here, "roots.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

function locate(rel) {
  for (const root of importRoots) {
    const candidate = path.join(root, rel);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`extract.mjs: import "${rel}" is in none of ${importRoots.join(", ")}`);
}

function importClosure(roots) {
  const seen = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const rel = pending.pop();
    if (seen.has(rel) || rel.startsWith(wellKnownPrefix)) continue;
    seen.add(rel);
    const text = fs.readFileSync(locate(rel), "utf8");
    for (const m of text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)) pending.push(m[1]);
  }
  return [...seen].sort();
}

// Envoy uses the PGV option `StringRules.ignore_empty` (field 26 upstream), which the validate.proto bundled in the
// package predates; protoc rejects the unknown option. We add the field with its upstream number. The option only
// drives PGV validation code, which we do not generate, so the change has no effect on the C# we emit.
function patch(rel, text) {
  if (rel !== "validate/validate.proto" || /ignore_empty\s*=\s*26/.test(text)) return text;
  const patched = text.replace(/(message StringRules \{)/, "$1\n    optional bool ignore_empty = 26;\n");
  if (patched === text) throw new Error("extract.mjs: StringRules not found in validate.proto");
  return patched;
}
