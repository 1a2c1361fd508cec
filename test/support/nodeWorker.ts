import { join } from "node:path";

let code: string | undefined;

/**
 * The compression thread's script (src/xlsx/nodeWorker.ts) bundled as bin/pac.js bundles it, for the tests that
 * give it to `useNodeWorker`: the sources run by jest have no worker otherwise (their parts go to the pool).
 */
export function nodeWorkerCode(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildBundles } = require("../../bin/bundle.js") as { buildBundles: (esbuild: unknown, root: string) => { workerCode: string } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (code ??= buildBundles(require("esbuild"), join(__dirname, "..", "..")).workerCode);
}
