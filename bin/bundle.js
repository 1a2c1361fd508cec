// The command line's sources bundled by esbuild, for bin/pac.js (and the tests of the compression thread).
"use strict";
const path = require("node:path");

/**
 * src/cli/main.ts and what it imports from src/, as one CommonJS module (`code`), and the compression thread's
 * script, src/xlsx/nodeWorker.ts, as another (`workerCode`, run by ../src/xlsx/zlibWorker with `eval`). Packages
 * from node_modules stay outside, loaded by `require`. Throws esbuild's error (with its `errors`) when the
 * sources do not compile.
 */
function buildBundles(esbuild, root) {
  const built = esbuild.buildSync({
    entryPoints: { main: path.join(root, "src", "cli", "main.ts"), worker: path.join(root, "src", "xlsx", "nodeWorker.ts") },
    // Nothing is written: the paths only name the outputs, and place the source maps' paths beside the module
    // bin/pac.js compiles (src/cli/main.bundle.cjs).
    outdir: path.join(root, "src", "cli"),
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    write: false,
    // Error stacks name the TypeScript files and lines (bin/pac.js calls `setSourceMapsEnabled`).
    sourcemap: "inline",
    sourcesContent: false,
    logLevel: "silent",
  });
  const text = (name) => built.outputFiles.find((f) => path.basename(f.path) === `${name}.js`).text;
  return { code: text("main"), workerCode: text("worker") };
}

module.exports = { buildBundles };
