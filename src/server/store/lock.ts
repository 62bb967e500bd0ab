import fs from 'node:fs';
import path from 'node:path';
import { isRunning, thisProcess, type ProcessId } from './processes';

/** Lock files this module holds: where /proc cannot tell this process's life from an earlier
 * one with the same pid, holding it here is what says "this life". */
const held = new Set<string>();

/** Who a lock file names: `{"pid":…,"start":…,"boot":…}`, or a bare pid as older versions
 * wrote it; null for one that names no one (hand-edited, or left empty by an older version's
 * crash between creating and writing it). */
function holderOf(text: string): ProcessId | null {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as ProcessId;
    return Number.isInteger(parsed?.pid) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Makes sure one process at a time owns a data file: two servers on one file (npm start and
 * npm run dev, say) would overwrite each other's snapshots. The lock names this process by pid,
 * start time and boot (processes.ts), so a lock left by a process that died (SIGKILL, a crash,
 * a container restarted under the same pid) is taken over, and one of a live process is not.
 */
export function lockDataFile(dataFile: string): () => void {
  // beside the file itself: a symbolic link to a live server's file is that file
  const lockFile = `${realPath(dataFile)}.lock`;
  const me = thisProcess();
  const mine = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    // a dead holder's lock taken over before ours is written: on a full disk, its space is
    // what ours needs
    const seen = readOr(lockFile, null);
    if (seen !== null) {
      const holder = holderOf(seen);
      if (holder?.pid === me.pid) {
        // this pid in this life: opened twice; in an earlier life: a container restarted
        const thisLife = me.start ? holder.start === me.start && holder.boot === me.boot : held.has(lockFile);
        if (thisLife) throw new Error(`${dataFile} is already open in this process`);
      } else if (holder && isRunning(holder)) {
        throw new Error(`${dataFile} is in use by another Huiwu server (pid ${holder.pid}); stop it first`);
      }
      takeOver(lockFile, seen);
    }
    if (create(lockFile, mine)) {
      held.add(lockFile);
      return () => {
        held.delete(lockFile);
        // only our own: a lock taken over after we were presumed dead is another server's
        if (readOr(lockFile, '') === mine) fs.rmSync(lockFile, { force: true });
      };
    }
  }
  throw new Error(`could not lock ${dataFile} (${lockFile} keeps changing: another server starting?)`);
}

/** Creates the lock file with its text, or says it exists. Written aside and linked into place,
 * so no one ever reads it empty; where links are not supported, created and written. */
function create(lockFile: string, text: string): boolean {
  const temp = `${lockFile}.new-${process.pid}`;
  try {
    fs.writeFileSync(temp, text);
    fs.linkSync(temp, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  try {
    fs.writeFileSync(lockFile, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a dead holder's lock, and only that one: two servers that both found it dead must
 * not remove the lock the quicker one has just written. It is moved aside first (one rename
 * wins), then checked to be what was found dead; another's lock is put back.
 */
function takeOver(lockFile: string, seen: string) {
  const aside = `${lockFile}.dead-${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readOr(aside, null) !== seen) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      /* a third server locked it meanwhile: the next attempt reads that one */
    }
  }
  fs.rmSync(aside, { force: true });
}

function readOr<T>(file: string, missing: T): string | T {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missing;
    throw error;
  }
}

/** The file a path names once links are followed (its folder's, for a file not there yet). */
function realPath(file: string) {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  }
}
