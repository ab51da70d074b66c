/** The machine a run measured on, and where its results go: `bench.json` and a dated copy in docs/bench/. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARCHIVE_DIR, OUTPUT_DIR, REPO_DIR } from './paths';

const git = (...args: string[]): string => {
  try {
    return execFileSync('git', ['-C', REPO_DIR, ...args], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** CPU model (from /proc/cpuinfo), cores, memory, Chromium, Node, date, git commit, load average at the end. */
export function machine(chromium: string) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    chromium,
    node: process.version,
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    loadAvg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** Writes `bench.json` into the output folder and copies it to `docs/bench/<YYYY-MM-DD>-<short commit>.json`. */
export function writeResults(out: { machine: { date: string; commit: string } }): { json: string; archived: string } {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const json = path.join(OUTPUT_DIR, 'bench.json');
  writeFileSync(json, JSON.stringify(out, null, 2) + '\n');
  mkdirSync(ARCHIVE_DIR, { recursive: true });
  const archived = path.join(ARCHIVE_DIR, `${out.machine.date.slice(0, 10)}-${out.machine.commit.slice(0, 7)}.json`);
  copyFileSync(json, archived);
  return { json, archived };
}
