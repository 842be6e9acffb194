import type { Compress } from '@/lib/db/recording';
import type { Db } from '@/lib/db/open-db';
import type { RecorderContext, Walk } from '@/lib/model';
import type { Announce } from '@/lib/worker/announce';
import type { PageRead } from '@/lib/walk/structured-data';

/** The browser as the walk controller sees it: passed in, so the controller unit-tests in Node. */
export interface WalkEnv {
  db: Db;
  compress: Compress;
  now: () => number;
  /** Opens a tab at a URL and returns its id. */
  openTab: (url: string) => Promise<number>;
  /** The tab's URL once its page has finished loading; null while loading or for a tab that no longer exists. */
  loadedUrl: (tabId: number) => Promise<string | null>;
  tabExists: (tabId: number) => Promise<boolean>;
  /**
   * A note that lives as long as the browser session (survives the worker, not a browser
   * restart): the walk recording in this session.
   */
  sessionWalk: { get: () => Promise<string | undefined>; set: (walkId: string) => Promise<void> };
  /**
   * Injects the recorder into a tab's current page, with what it needs to start (no round trip
   * back to ask for it); throws when the page may not be scripted. Answers the page's JSON-LD,
   * read in the same injection (lib/walk/page-start.ts) unless `context.maskAllText`, when it
   * injected and read; undefined otherwise.
   */
  inject: (tabId: number, context: RecorderContext) => Promise<PageRead | undefined>;
  /**
   * Reads the JSON-LD of one page load (lib/walk/page-start.ts, claiming nothing): the document
   * `documentId` (Chrome gives a flush's sender's), else the tab's top frame; answers the document
   * it ran in. Rejects when it cannot. Optional: a controller without it stores no structured data.
   */
  readStructuredData?: (tabId: number, documentId: string | undefined) => Promise<PageRead | undefined>;
  /** Injects the tagging tools into a walk tab (they join the recorder's isolated world). */
  injectTagger: (tabId: number) => Promise<void>;
  /** Asks a tab's recorder to deliver everything it holds; resolves when it has or gave up. */
  drain: (tabId: number) => Promise<void>;
  /** Tells the recorders of the given tabs (by default the walk's open tabs) that the walk changed. */
  notify: (walk: Walk, tabIds?: number[]) => void;
  /** Tells the open views (panels, replay pages) what was committed: `data/changed`. */
  announce: Announce;
  personaName: (personaId: string) => Promise<string>;
  /**
   * The walk tabs whose page is off the audit's origins (a left-site step was stored): kept for
   * the browser session, so a worker that slept still adds one step per departure.
   */
  awayTabs: { get: () => Promise<number[]>; set: (tabIds: number[]) => Promise<void> };
  /** The manifest's install-time host permissions (the loopback server of test builds): never released. */
  installTimeHosts: readonly string[];
  /** Gives back optional host access (match patterns); throws when the browser refuses. */
  releaseHostAccess: (patterns: string[]) => Promise<void>;
  /** The auditor's "Show tags" toggle, for the browser session (default on). */
  showTags: { get: () => Promise<boolean>; set: (on: boolean) => Promise<void> };
}

export interface StartWalk {
  auditId: string;
  personaId: string;
  auditorName: string;
  tabId?: number | undefined;
}
