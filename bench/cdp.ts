import type { CDPSession, Page } from '@playwright/test';

/** Main-thread time of one tab's current document, in ms, as CDP's Performance domain counts it. */
export interface Sample {
  taskMs: number;
  scriptMs: number;
}

export const ZERO: Sample = { taskMs: 0, scriptMs: 0 };

export const minus = (a: Sample, b: Sample): Sample => ({
  taskMs: a.taskMs - b.taskMs,
  scriptMs: a.scriptMs - b.scriptMs,
});
export const plus = (a: Sample, b: Sample): Sample => ({
  taskMs: a.taskMs + b.taskMs,
  scriptMs: a.scriptMs + b.scriptMs,
});

/**
 * One CDP session per tab, `Performance.enable`d once. The session survives the tab's navigations
 * (the domain stays enabled), but Chromium 156 restarts TaskDuration/ScriptDuration for every new
 * document: `checkResetsOnNavigation` verifies that on each tab before the walk scenario relies on it.
 */
export class PerfMeter {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<PerfMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new PerfMeter(page, cdp);
  }

  async sample(): Promise<Sample> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const get = (name: string) => {
      const m = metrics.find((x) => x.name === name);
      if (!m) throw new Error(`CDP Performance.getMetrics has no ${name}`);
      return m.value * 1000; // seconds → ms
    };
    return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration') };
  }

  /**
   * Whether the counters start again with each document. `before` is a sample taken on a document
   * that has done a lot of work (at least 200 ms of tasks); `navigate` loads a light page.
   */
  async checkResetsOnNavigation(before: Sample, navigate: () => Promise<void>): Promise<boolean> {
    if (before.taskMs < 200) throw new Error(`calibration page too light (${before.taskMs.toFixed(0)} ms of tasks)`);
    await navigate();
    const after = await this.sample();
    return after.taskMs < before.taskMs / 2;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
