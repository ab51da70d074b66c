/** The mount point the Preact view tests share. */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * Registers hooks that give each test a fresh container in the document and unmount and remove it afterwards,
 * so no view (or its effects) outlives its test. Call it at the top of a test file; `root()` is the container
 * of the test that is running.
 */
export function useRoot(): () => HTMLDivElement {
  let root: HTMLDivElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = undefined;
  });
  return () => {
    if (!root) throw new Error('useRoot(): no test is running');
    return root;
  };
}
