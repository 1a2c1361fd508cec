import { closeSync, existsSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./errors";
import type { ReadBack } from "./verifyZip";

/**
 * Files the command line writes never replace a good file with a bad one: the bytes go to a temporary file in
 * the target's folder, are flushed to disk (fsync), read back and checked, and only then take the target's
 * name in one rename. An interrupt, a full disk or a file-size limit leaves the previous file as it was and
 * removes the temporary file (Node ignores SIGXFSZ, so `ulimit -f` gives an EFBIG error, handled like the rest).
 */

/** Writes `bytes` at the current position of `fd`; tests replace it to simulate a failing disk. */
export type Writer = (fd: number, bytes: Uint8Array) => void;

const writeAll: Writer = (fd, bytes) => {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 24));
};

/** Temporary files being written, removed by `removePendingFiles` when the process is interrupted. */
const pending = new Set<string>();

/** Removes the temporary files of writes still in progress (for a signal handler); never throws. */
export function removePendingFiles(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

let handlersInstalled = false;

/**
 * On SIGINT, SIGTERM or SIGHUP, removes the temporary files and exits with 128 + the signal number, the
 * shell's convention. The target file is untouched: it only ever changes by a rename of a complete file.
 */
export function installInterruptCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal as NodeJS.Signals, () => {
      removePendingFiles();
      process.exit(code);
    });
  }
}

/** A read-back check that failed: the bytes on disk are not a complete package. */
export class VerifyError extends Error {
  override readonly name = "VerifyError";
}

/** The message of a failed write: disk full, size limit, access refused, a failed check, or the system's code. */
export function writeError(path: string, error: unknown): CliError {
  if (error instanceof VerifyError) return new CliError("WRITE_UNVERIFIED", { path, reason: error.message });
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new CliError("WRITE_FULL", { path });
    case "EFBIG":
      return new CliError("WRITE_TOO_BIG", { path });
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new CliError("WRITE_DENIED", { path });
    default:
      return new CliError("WRITE_FAILED", { path, reason: code ?? (error instanceof Error ? error.message : String(error)) });
  }
}

/** Same file on disk: the same device and inode (a hard link or a symbolic link to it counts). */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export interface AtomicWriteOptions {
  /** Replace an existing file; without it an existing target is an error (checked again at the rename). */
  readonly replace: boolean;
  /** Checks the file read back from disk (by pieces: a large file is never held twice); throws when it is not what was meant. */
  readonly verify?: (written: ReadBack) => void;
  readonly writer?: Writer;
}

/** The file open as `fd`, read by pieces at their place. */
function readBack(fd: number, size: number): ReadBack {
  return {
    size,
    read(at, length) {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - at)));
      let done = 0;
      while (done < bytes.length) {
        const n = readSync(fd, bytes, done, bytes.length - done, at + done);
        if (n === 0) throw new Error(`${at + done} / ${size}`);
        done += n;
      }
      return bytes;
    },
  };
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a folder: the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `content` (bytes, or pieces written in order) to `path` atomically (see the module's comment). Creates the target's folder when needed.
 *
 * @throws CliError OUT_EXISTS when the target exists and `replace` is false; WRITE_FAILED with the reason
 * (disk full, size limit, access refused, a check that failed) otherwise. The target is then as it was.
 */
export function writeFileAtomic(path: string, content: Uint8Array | readonly Uint8Array[], options: AtomicWriteOptions): void {
  // A package's pieces (see `zipChunks`) are written one after the other, never joined in memory.
  const chunks = content instanceof Uint8Array ? [content] : content;
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const target = resolve(path);
  if (!options.replace && existsSync(target)) throw new CliError("OUT_EXISTS", { path });
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(folder, { recursive: true });
    pending.add(temp);
    fd = openSync(temp, "wx", 0o666);
    for (const chunk of chunks) (options.writer ?? writeAll)(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // Read back from the disk, as another program would: its size, then what `verify` asks for.
    fd = openSync(temp, "r");
    const back = fstatSync(fd).size;
    if (back !== size) throw new VerifyError(`${back} / ${size}`);
    try {
      options.verify?.(readBack(fd, size));
    } catch (error) {
      throw new VerifyError(error instanceof Error ? error.message : String(error));
    }
    closeSync(fd);
    fd = undefined;
    if (options.replace) renameSync(temp, target);
    else {
      // link() fails if the target appeared meanwhile: never replace a file the user did not allow.
      try {
        linkSync(temp, target);
        unlinkSync(temp);
      } catch (error) {
        // A file system without hard links (FAT, some shares): the existence check above has to do.
        if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
        renameSync(temp, target);
      }
    }
    pending.delete(temp);
    fsyncFolder(folder);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Closing a failed descriptor: nothing more to do.
      }
    }
    if (pending.has(temp)) {
      pending.delete(temp);
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
    }
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && !options.replace) throw new CliError("OUT_EXISTS", { path });
    throw writeError(path, error);
  }
}
