import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findExecutable } from '../support/executables';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fc-exe-'));
const there = path.join(dir, 'browser');
writeFileSync(there, '');
const missing = path.join(dir, 'missing');

afterEach(() => vi.unstubAllEnvs());

describe('findExecutable', () => {
  it('takes the environment variable first, and the first candidate that exists otherwise', () => {
    vi.stubEnv('FC_TEST_BROWSER', there);
    expect(findExecutable('Browser', 'FC_TEST_BROWSER', [missing], [])).toBe(there);
    vi.stubEnv('FC_TEST_BROWSER', '');
    expect(findExecutable('Browser', 'FC_TEST_BROWSER', [missing, there], [])).toBe(there);
  });

  it('refuses an environment variable that points nowhere, even when a candidate exists', () => {
    vi.stubEnv('FC_TEST_BROWSER', missing);
    expect(() => findExecutable('Browser', 'FC_TEST_BROWSER', [there], [])).toThrow(
      `FC_TEST_BROWSER is set to ${missing}, but no file exists there.`,
    );
  });

  it('names the places it looked at and how to install when nothing exists', () => {
    vi.stubEnv('FC_TEST_BROWSER', '');
    expect(() => findExecutable('Browser', 'FC_TEST_BROWSER', [missing], ['apt-get install browser'])).toThrow(
      `Browser not found. Looked at: ${missing}.\napt-get install browser`,
    );
  });
});
