/**
 * The repository stands alone: no test, script, build step or document reaches a path outside it. CI has a
 * folder of shared data beside its clone; a user who clones the project does not, so anything that reads it would
 * pass in CI and fail for them. This walks every text file of the repository (not node_modules, dist, out…) and
 * fails on:
 * - a name of the folders beside the clone (the shared folder one level up, `/work/…`, its data and spec files);
 * - a relative path (`"../x"` in code, `](../x)` in Markdown) that resolves outside the repository;
 * - a run of `".."` path segments (`path.join(__dirname, "..", "..", "..")`) that climbs above the root.
 */
import fs from "fs";
import path from "path";

/** The sibling folder CI has and users do not, spelt in pieces so this file does not name it literally. */
const SIBLING = ["..", "shared"].join("/");

const ROOT = path.resolve(__dirname, "..");
const SKIP_DIRS = new Set([".git", "node_modules", "dist", "build", "out", "coverage", ".tmp", "artifacts"]);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|py|sh|xml|html|ya?ml|txt|css)$|(^|\/)(run|\.gitignore|\.npmrc)$/;
const THIS_FILE = path.relative(ROOT, __filename);

/** Every text file of the repository, relative to its root, in a stable order. */
function textFiles(dir = ROOT): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : textFiles(full);
      const rel = path.relative(ROOT, full).split(path.sep).join("/");
      return TEXT.test(rel) ? [rel] : [];
    });
}

/** Names of what lies beside the clone in CI, built here so that this file does not match itself. */
const OUTSIDE_NAMES: readonly RegExp[] = [
  new RegExp(["\\.\\.", "shared"].join("/")),
  new RegExp(["", "work", ""].join("/")),
  new RegExp(["shared", "(data|seeds|hooks)"].join("/")),
  new RegExp(["shared", "SPEC\\.md"].join("/")),
  new RegExp(["shared", "STYLE\\.md"].join("/")),
];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function findings(check: (file: string, line: string) => boolean): Finding[] {
  const out: Finding[] = [];
  for (const file of textFiles()) {
    if (file === THIS_FILE || file === "package-lock.json") continue;
    fs.readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .forEach((text, i) => {
        if (check(file, text)) out.push({ file, line: i + 1, text: text.trim().slice(0, 160) });
      });
  }
  return out;
}

/** Whether `target`, relative to the folder of `file`, lands outside the repository. */
function escapes(file: string, target: string): boolean {
  const resolved = path.resolve(ROOT, path.dirname(file), target);
  return resolved !== ROOT && !resolved.startsWith(ROOT + path.sep);
}

describe("the repository stands alone", () => {
  it("walks the files it checks (sanity)", () => {
    const files = textFiles();
    expect(files).toEqual(expect.arrayContaining(["README.md", ".ci/run", "webpack.config.js", "test/io/onlineRetail.test.ts", "docs/methodes.md"]));
    expect(files.some((f) => f.startsWith("node_modules/") || f.startsWith("dist/"))).toBe(false);
  });

  it("no file names the folders beside the clone (the shared folder one level up, /work/…)", () => {
    expect(findings((_, line) => OUTSIDE_NAMES.some((re) => re.test(line)))).toEqual([]);
  });

  it("no relative path in code or in a Markdown link resolves outside the repository", () => {
    const quoted = /["'`](\.\.\/[^"'`\s]*)["'`]/g;
    const linked = /\]\((\.\.\/[^)\s]*)\)/g;
    expect(
      findings((file, line) => {
        const targets = [...line.matchAll(quoted), ...line.matchAll(linked)].map((m) => m[1]);
        return targets.some((t) => escapes(file, t));
      }),
    ).toEqual([]);
  });

  it('no run of ".." path segments climbs above the repository root', () => {
    const run = /(["'])\.\.\1(?:\s*,\s*(["'])\.\.\2)*/g;
    expect(
      findings((file, line) =>
        [...line.matchAll(run)].some((m) => {
          const ups = (m[0].match(/\.\./g) ?? []).length;
          return escapes(file, Array(ups).fill("..").join("/"));
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    { file: "test/io/x.test.ts", line: `const DATA = path.resolve(REPO_ROOT, "${SIBLING}/data/x.xlsx");`, bad: true },
    { file: "test/fixtures/x.py", line: 'DATA = os.path.join(HERE, "..", "..", "..", "shared", "data")', bad: true },
    { file: "README.md", line: `Voir [la spec](${SIBLING}/SPEC.md).`, bad: true },
    { file: "test/io/x.test.ts", line: 'const DATA = path.resolve(__dirname, "../fixtures/online_retail_II_sample.xlsx");', bad: false },
    { file: "test/e2e/browser.ts", line: 'export const ROOT = resolve(__dirname, "..", "..");', bad: false },
    { file: "docs/verification-excel.md", line: "les exemples de [`docs/methodes.md`](methodes.md)", bad: false },
  ])("the checks tell $line in $file: outside = $bad", ({ file, line, bad }) => {
    const named = OUTSIDE_NAMES.some((re) => re.test(line));
    const relative = [...line.matchAll(/["'`](\.\.\/[^"'`\s]*)["'`]/g), ...line.matchAll(/\]\((\.\.\/[^)\s]*)\)/g)].some((m) => escapes(file, m[1]));
    const climbs = [...line.matchAll(/(["'])\.\.\1(?:\s*,\s*(["'])\.\.\2)*/g)].some((m) =>
      escapes(file, Array((m[0].match(/\.\./g) ?? []).length).fill("..").join("/")),
    );
    expect(named || relative || climbs).toBe(bad);
  });
});
