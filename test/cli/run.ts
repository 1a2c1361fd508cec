import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pac` in this process with captured output. */
export async function pac(argv: readonly string[], options: { progressAbove?: number } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    ...(options.progressAbove !== undefined ? { progressAbove: options.progressAbove } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder and its removal. */
export function tempDir(prefix: string): { readonly dir: string; readonly path: (name: string) => string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
