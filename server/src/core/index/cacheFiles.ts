// Reading and writing cache files: a missing or damaged file reads as undefined, and a write goes
// through a temporary file and a rename so that no reader ever sees half of one. Nothing throws.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** A temporary name no other write of this process uses (two may run at once: see writeAtomicLater). */
let writes = 0;
const temporaryName = (file: string) => `${file}.${process.pid}.${Date.now()}.${writes++}.tmp`;

export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = temporaryName(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * writeAtomic off this thread: a cold index writes a thousand files and more while it mines, and a
 * slow disk held the miner up by seconds. The promise never rejects; `data` must not change until
 * it settles.
 */
export async function writeAtomicLater(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryName(file);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
