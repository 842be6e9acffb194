import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSidePanel } from '@/components/panel/model/browser-env';

/** The browser's own panel APIs, swapped per test: Chrome has sidePanel, Firefox sidebarAction. */
const apis = fakeBrowser as unknown as Record<'sidePanel' | 'sidebarAction', unknown>;
const chromeSidePanel = apis.sidePanel;

function asBrowser(which: 'chrome' | 'firefox' | 'neither', currentTab: unknown) {
  apis.sidePanel = which === 'chrome' ? chromeSidePanel : undefined;
  if (which === 'firefox') apis.sidebarAction = { open: async () => {} };
  else delete apis.sidebarAction;
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(currentTab as never);
}

afterEach(() => {
  apis.sidePanel = chromeSidePanel;
  delete apis.sidebarAction;
  vi.restoreAllMocks();
});

describe('isSidePanel (offers "Record the current tab")', () => {
  it("is true in Chrome's side panel and in Firefox's sidebar: neither is a tab", async () => {
    asBrowser('chrome', undefined);
    expect(await isSidePanel()).toBe(true);
    asBrowser('firefox', undefined);
    expect(await isSidePanel()).toBe(true);
  });

  it('is false when the panel is opened as a tab, in either browser', async () => {
    asBrowser('chrome', { id: 3 });
    expect(await isSidePanel()).toBe(false);
    asBrowser('firefox', { id: 3 });
    expect(await isSidePanel()).toBe(false);
  });

  it('is false in a browser with neither panel', async () => {
    asBrowser('neither', undefined);
    expect(await isSidePanel()).toBe(false);
  });
});
