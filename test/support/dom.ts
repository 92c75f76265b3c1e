/**
 * React in jsdom for panel tests: each test gets a fresh element in the page with a React root,
 * unmounted and removed after it, with React's act() environment switched on.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export interface ReactHost {
  /** The element the test renders into (a new one for each test). */
  readonly host: HTMLDivElement;
  readonly root: Root;
}

/** Registers the hooks that give each test of the file (or describe block) its own host; read it inside a test. */
export function reactHost(): ReactHost {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let host: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root!.unmount());
    host!.remove();
  });
  return {
    get host() {
      return host!;
    },
    get root() {
      return root!;
    },
  };
}
