import type { DataChanged } from '@/lib/model';
import { createAnnounce } from '@/lib/worker/announce';

const walk = { store: 'offsite', op: 'delete', id: 'e1' } as const;

describe('announcing changes to the open views', () => {
  it('posts one data/changed per commit, and nothing for no change', async () => {
    const posted: DataChanged[] = [];
    const announce = createAnnounce(async (m) => posted.push(m));
    announce('a1', [walk]);
    announce('a1', []);
    expect(posted).toEqual([{ auditId: 'a1', changes: [walk] }]);
  });

  it('no view open is no error; another failure is logged, never thrown at the command', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = (message: string) => createAnnounce(() => Promise.reject(new Error(message)));
    failing('Could not establish connection. Receiving end does not exist.')('a1', [walk]);
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).not.toHaveBeenCalled();
    failing('Message length exceeded maximum allowed length.')('a1', [walk]);
    createAnnounce(() => {
      throw new Error('Extension context invalidated.');
    })('a1', [walk]);
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
