import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

afterEach(() => {
  // Testing Library leaks rendered DOM between tests unless cleaned up explicitly.
  cleanup();
  fakeBrowser.reset();
});
