import fs from 'node:fs';

/**
 * A process told apart from any later one given the same pid: a container's restart gives
 * its server the same pid as the one before, and pids wrap. On Linux the kernel's start time
 * of the process (ticks since boot) and the boot's id say which life a pid is in; where there
 * is no /proc (macOS, Windows) only the pid is known.
 */
export interface ProcessId {
  pid: number;
  /** /proc/<pid>/stat field 22 */
  start?: string;
  /** /proc/sys/kernel/random/boot_id: a start time counts from one boot */
  boot?: string;
}

/** The state letter and start time of a pid, from /proc; null where /proc does not show it. */
function procStat(pid: number): { state: string; start: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the name (field 2) is in parentheses and may itself hold spaces and parentheses
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], start: fields[19] };
}

const readTrimmed = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
};

let self: ProcessId | undefined;
export function thisProcess(): ProcessId {
  self ??= {
    pid: process.pid,
    start: procStat(process.pid)?.start,
    boot: readTrimmed('/proc/sys/kernel/random/boot_id'),
  };
  return self;
}

const signalReaches = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether the process named is still running. A zombie (killed, not yet reaped by its parent)
 * is not: it holds no file and will never write again, yet a signal still reaches it. A pid
 * that lives under another start time or boot is another process.
 */
export function isRunning(named: ProcessId): boolean {
  const me = thisProcess();
  if (named.boot && me.boot && named.boot !== me.boot) return false;
  if (!Number.isInteger(named.pid) || named.pid <= 0 || !signalReaches(named.pid)) return false;
  const stat = procStat(named.pid);
  // no /proc, or one that hides other users' processes: a pid that answers is all there is
  if (!stat) return true;
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return !named.start || named.start === stat.start;
}
