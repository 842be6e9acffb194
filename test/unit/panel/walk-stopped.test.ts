import { stoppedRecording } from '@/components/panel/model/walk-model';
import type { Step } from '@/lib/model';

const step = (
  id: string,
  tabId: number,
  at: number,
  recorderId: string | null,
  kind: Step['kind'] = 'click',
): Step => ({
  id,
  walkId: 'w',
  tabId,
  recorderId,
  at,
  kind,
  url: 'https://ventura.example/',
  title: '',
  target: null,
  ...(kind === 'recording-stopped' ? { stopReason: 'backlog' as const } : {}),
});

describe('the walk bar’s “Recording stopped”', () => {
  it('shows the stop of a tab that has recorded nothing since, until its next page records', () => {
    const before = [step('a', 1, 1, 'r1', 'visit'), step('b', 1, 2, 'r1')];
    expect(stoppedRecording(before)).toBeNull();
    const stopped = [...before, step('r1:stopped', 1, 3, 'r1', 'recording-stopped')];
    expect(stoppedRecording(stopped)?.id).toBe('r1:stopped');
    // Another tab recording, or a tab event, does not hide it: that page is still unrecorded.
    const others = [...stopped, step('c', 2, 4, 'r2', 'visit'), step('tab:3', 3, 5, null, 'tab-opened')];
    expect(stoppedRecording(others)?.id).toBe('r1:stopped');
    // The tab's next page records: nothing is stopped any more.
    expect(stoppedRecording([...others, step('d', 1, 6, 'r3', 'visit')])).toBeNull();
  });
});
