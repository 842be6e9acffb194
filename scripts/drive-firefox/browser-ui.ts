import type { LaunchedFirefox } from '@/scripts/drive-firefox/firefox';

/**
 * Firefox's own window (the toolbar, the sidebar, its key handling), which no page can reach.
 * WebDriver BiDi can, with `--remote-allow-system-access` (set at launch): `browsingContext.getTree`
 * with `moz:scope: "chrome"` lists the browser windows, and `script.evaluate` runs in them with
 * the browser's privileges. puppeteer-core has no API for it, so this speaks BiDi on its connection.
 * What runs there is sent as source: the browser's globals (SidebarController, Cc) are not typed here.
 */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

/** The widget id Firefox gives an add-on's button: its id, non-word characters as `_`. */
const BUTTON = 'touchpoint_touchpoint_dev-browser-action';
const SIDEBAR = 'touchpoint_touchpoint_dev-sidebar-action';

export class FirefoxBrowserUi {
  private constructor(
    private readonly connection: BidiConnection,
    private readonly context: string,
  ) {}

  static async attach(ff: LaunchedFirefox): Promise<FirefoxBrowserUi> {
    const connection = (ff.browser as unknown as { connection: BidiConnection }).connection;
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const [window] = result.contexts as { context: string; url: string }[];
    if (window?.url !== 'chrome://browser/content/browser.xhtml') throw new Error('No browser window in chrome scope');
    return new FirefoxBrowserUi(connection, window.context);
  }

  private async evaluate<T>(expression: string): Promise<T> {
    // Returned as JSON: BiDi serialises an object as a list of typed [key, value] pairs.
    const { result } = await this.connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
      target: { context: this.context },
      awaitPromise: true,
    });
    const r = result as unknown as EvaluateResult;
    if (r.type !== 'success') throw new Error(`In Firefox's window: ${r.exceptionDetails?.text ?? 'failed'}`);
    return JSON.parse(String(r.result?.value)) as T;
  }

  /** Where Touchpoint's button is: the toolbar's id (nav-bar…), the Extensions menu's, or null. */
  async buttonPlace(): Promise<string | null> {
    return this.evaluate(`CustomizableUI.getPlacementOfWidget('${BUTTON}')?.area ?? null`);
  }

  /** Clicks Touchpoint's toolbar button as a mouse click would (a command event on it). */
  async clickButton(): Promise<void> {
    await this.evaluate(`(() => {
      // The widget is a toolbaritem; its action button is the toolbarbutton in it.
      const button = document.getElementById('${BUTTON}')?.querySelector('toolbarbutton');
      if (!button?.checkVisibility()) throw new Error('no Touchpoint button shown');
      button.click();
    })()`);
  }

  /**
   * Which sidebar is open and the address of the page it shows: Firefox shows an add-on's panel
   * in a browser inside its sidebar's own page (webext-panels.xhtml). An empty string while it loads.
   */
  async sidebar(): Promise<{ open: boolean; touchpoint: boolean; page: string }> {
    return this.evaluate(`(() => {
      const inner = SidebarController.browser.contentDocument?.getElementById('webext-panels-browser');
      return {
        open: SidebarController.isOpen,
        touchpoint: SidebarController.currentID === '${SIDEBAR}',
        page: inner?.currentURI?.spec ?? '',
      };
    })()`);
  }

  async hideSidebar(): Promise<void> {
    await this.evaluate('SidebarController.hide()');
  }

  /** Presses and releases Alt alone, as pressAltShift does: it shows Firefox's hidden menu bar. */
  async pressAlt(): Promise<void> {
    await this.evaluate(`(() => {
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
      const alt = new KeyboardEvent('', { key: 'Alt', code: 'AltLeft', keyCode: KeyboardEvent.DOM_VK_ALT });
      tip.keydown(alt);
      tip.keyup(alt);
    })()`);
  }

  /**
   * Whether the menu bar (File, Edit, View…) is shown: hidden by default on Linux and Windows,
   * where its toolbar is kept at height 0 (its menus still count as visible to checkVisibility).
   */
  async menuBarShown(): Promise<boolean> {
    return this.evaluate(`document.getElementById('toolbar-menubar').getBoundingClientRect().height > 0`);
  }

  /**
   * *View* → *Sidebar* → the item labelled so, as a person chooses it: both menus opened (each
   * awaited until shown), then the item activated as a click on it does (`activateItem`: its
   * command runs and the menus close). Throws when there is no such item.
   */
  async chooseViewSidebar(label: string): Promise<void> {
    await this.evaluate(`(async () => {
      const open = (menu) => new Promise((shown) => {
        menu.menupopup.addEventListener('popupshown', shown, { once: true });
        menu.openMenu(true);
      });
      await open(document.getElementById('view-menu'));
      const sidebars = document.getElementById('viewSidebarMenuMenu');
      await open(sidebars);
      const item = [...sidebars.menupopup.children].find((m) => m.getAttribute('label') === ${JSON.stringify(label)});
      if (!item || item.hidden) throw new Error('View → Sidebar has no item ' + ${JSON.stringify(label)});
      sidebars.menupopup.activateItem(item);
    })()`);
  }

  /**
   * Answers the next file picker anyone opens with `file`, as a person picking it in the dialog
   * would: the native dialog cannot be driven, so Firefox's file picker component is replaced in
   * the parent process for one use, the way Mozilla's own tests do (MockFilePicker in
   * testing/specialpowers): a factory registered for `@mozilla.org/filepicker;1`, the original
   * restored as soon as the picker opens. Each picker asked for is noted: `filePickersOpened`.
   */
  async answerFilePicker(file: string): Promise<void> {
    await this.evaluate(`(() => {
      const registrar = Components.manager.QueryInterface(Ci.nsIComponentRegistrar);
      const contract = '@mozilla.org/filepicker;1';
      const original = registrar.contractIDToCID(contract);
      const cid = Services.uuid.generateUUID();
      const picked = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
      picked.initWithPath(${JSON.stringify(file)});
      window.touchpointFilePickers ??= [];
      const factory = {
        QueryInterface: ChromeUtils.generateQI(['nsIFactory']),
        createInstance: (iid) => ({
          QueryInterface: ChromeUtils.generateQI(['nsIFilePicker']),
          init: (parent, title, mode) => window.touchpointFilePickers.push({ title, mode }),
          appendFilter() {},
          appendFilters() {},
          displayDirectory: null,
          defaultString: '',
          defaultExtension: '',
          filterIndex: 0,
          file: picked,
          fileURL: Services.io.newFileURI(picked),
          open(done) {
            registrar.unregisterFactory(cid, factory);
            registrar.registerFactory(original, '', contract, null);
            // A dialog answers later, never inside open().
            Services.tm.dispatchToMainThread(() => done.done(Ci.nsIFilePicker.returnOK));
          },
        }).QueryInterface(iid),
      };
      registrar.registerFactory(cid, '', contract, factory);
    })()`);
  }

  /** The file pickers opened since `answerFilePicker`: their titles, and modes (0: open one file). */
  async filePickersOpened(): Promise<{ title: string; mode: number }[]> {
    return this.evaluate('window.touchpointFilePickers ?? []');
  }

  /**
   * Presses Alt+Shift+<letter> as a keyboard would, through Firefox's input processor
   * (nsITextInputProcessor): the keys go to the focused page first and reach the browser's
   * handling of add-on shortcuts only as a real key press does.
   */
  async pressAltShift(letter: string): Promise<void> {
    await this.evaluate(`(() => {
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
      const key = (key, code, keyCode) => new KeyboardEvent('', { key, code, keyCode });
      const alt = key('Alt', 'AltLeft', KeyboardEvent.DOM_VK_ALT);
      const shift = key('Shift', 'ShiftLeft', KeyboardEvent.DOM_VK_SHIFT);
      const letter = key('${letter.toUpperCase()}', 'Key${letter.toUpperCase()}', ${letter.toUpperCase().charCodeAt(0)});
      tip.keydown(alt);
      tip.keydown(shift);
      tip.keydown(letter);
      tip.keyup(letter);
      tip.keyup(shift);
      tip.keyup(alt);
    })()`);
  }
}
