import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * CPU time of a tab's renderer main thread, from /proc (Linux): unlike CDP's TaskDuration (wall
 * time of tasks), it does not grow when other processes on this 2-core machine take the CPU.
 * A renderer is found by its command line (our browser's profile directory) and tied to a tab by a
 * short busy loop in the tab: the one renderer whose main thread's CPU time jumps is the tab's.
 * (Chromium rewrites its child processes' /proc cmdline with spaces between arguments, not NULs.)
 */

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);
const MARK_MS = 150;

function renderers(profileDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const args = cmd.split(/[\0 ]/);
    if (args.includes('--type=renderer') && args.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(name));
  }
  return pids;
}

/** utime + stime of a process's main thread (tid = pid), in ms; NaN when the process is gone. */
export function mainThreadCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/** The pid of the renderer that runs `page`'s current document, or null when none stood out. */
export async function rendererOf(page: Page, profileDir: string): Promise<number | null> {
  const pids = renderers(profileDir);
  const before = new Map(pids.map((p) => [p, mainThreadCpuMs(p)]));
  await page.evaluate(`(() => { const end = performance.now() + ${MARK_MS}; while (performance.now() < end); })()`);
  let best: number | null = null;
  let bestDelta = 0;
  for (const p of pids) {
    const d = mainThreadCpuMs(p) - (before.get(p) ?? Number.NaN);
    if (d > bestDelta) {
      best = p;
      bestDelta = d;
    }
  }
  return bestDelta >= MARK_MS * 0.6 ? best : null;
}

export const cpuAvailable = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** Browser processes of other Chromium instances (another test run on this machine skews timings). */
export function otherBrowsers(profileDir: string): number {
  let n = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/[\0 ]/);
      const isBrowser = /(^|\/)(chromium|chrome)$/.test(args[0] ?? '') && !args.some((a) => a.startsWith('--type='));
      if (isBrowser && !args.includes(`--user-data-dir=${profileDir}`)) n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}
