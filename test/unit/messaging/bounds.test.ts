import { protocol, sentBy, validateRequest } from '@/lib/messaging/protocol';
import { dispatch, type Handlers, type Sender } from '@/lib/messaging/register';
import type { Self } from '@/lib/messaging/sender';
import type { MessageName } from '@/lib/messaging/types';
import { leaves, sample, unbounded, withField, wrongType } from '../support/schema-walk';

/**
 * Every message of the protocol, field by field: a payload broken in one place (a wrong type, a
 * string or a list one past its bound) is refused before any handler runs, and the refusal names
 * the message and the field. Messages added later are covered as they come: the table is the
 * protocol itself.
 */
const names = Object.keys(protocol) as MessageName[];
const schemaOf = (name: MessageName) => protocol[name].request as unknown as Parameters<typeof sample>[0];

const self: Self = { id: 'ours', root: 'chrome-extension://ours/', workerUrl: 'chrome-extension://ours/background.js' };
const SENDERS: Record<string, Sender> = {
  worker: { id: 'ours', url: 'chrome-extension://ours/background.js' },
  page: { id: 'ours', url: 'chrome-extension://ours/sidepanel.html' },
  tab: { id: 'ours', url: 'https://shop.example/cart', tab: { id: 7 } as Sender['tab'] },
};

/** Paths as validateRequest writes them: `steps.0.url`. */
const dotted = (path: (string | number)[]) => path.join('.');

/** The refusal names the message, and a field on the way to the broken one (a union names itself). */
function expectRefusal(name: MessageName, payload: unknown, path: (string | number)[]) {
  const r = validateRequest(name, payload);
  expect(r.ok, `${name} accepted ${dotted(path)} broken`).toBe(false);
  if (r.ok) return;
  expect(r.error.startsWith(`Bad ${name}: `)).toBe(true);
  const named = r.error
    .slice(`Bad ${name}: `.length)
    .split('; ')
    .map((issue) => issue.split(': ')[0] ?? '');
  const target = dotted(path);
  expect(
    named.some((p) => p !== '' && (target === p || target.startsWith(`${p}.`))),
    `${r.error} should name ${target}`,
  ).toBe(true);
}

describe('every protocol message refuses a broken payload, naming the message and the field', () => {
  it('every string and list of every request has an upper bound', () => {
    const open = names.flatMap((name) => unbounded(schemaOf(name)).map((p) => `${name}: ${p}`));
    expect(open).toEqual([]);
  });

  it.each(names)('%s: a valid payload passes, one that is not an object does not', (name) => {
    const valid = sample(schemaOf(name));
    expect(validateRequest(name, valid)).toMatchObject({ ok: true });
    const r = validateRequest(name, 'not a payload');
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error.startsWith(`Bad ${name}: `)).toBe(true);
  });

  it.each(names)('%s: each field of the wrong type is refused by name', (name) => {
    const valid = sample(schemaOf(name));
    const fields = leaves(schemaOf(name), valid);
    for (const f of fields) {
      if (f.type === 'unknown' || f.type === 'any') continue;
      expectRefusal(name, withField(valid, f.path, wrongType(f.type)), f.path);
    }
  });

  it.each(names)('%s: each string and list one past its bound is refused by name', (name) => {
    const valid = sample(schemaOf(name));
    for (const f of leaves(schemaOf(name), valid)) {
      if (f.max === undefined) continue;
      if (f.type === 'string') expectRefusal(name, withField(valid, f.path, 'a'.repeat(f.max + 1)), f.path);
      if (f.type === 'array') {
        const one = (f.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], valid) as unknown[])[0];
        expectRefusal(
          name,
          withField(
            valid,
            f.path,
            Array.from({ length: f.max + 1 }, () => one),
          ),
          f.path,
        );
      }
    }
  });

  it.each(names)('%s: dispatch answers the refusal and never runs the handler', async (name) => {
    const ran = vi.fn(async () => null);
    const handlers = { [name]: ran } as unknown as Handlers;
    const from = sentBy(name)[0] ?? 'page';
    const options = { validate: validateRequest, senders: sentBy, answerUnknown: true, self };
    const reply = await dispatch(handlers, options, { type: name, payload: 42 }, SENDERS[from] as Sender);
    expect(reply).toMatchObject({ ok: false });
    expect(reply && !reply.ok && reply.error.startsWith(`Bad ${name}: `)).toBe(true);
    expect(ran).not.toHaveBeenCalled();
  });

  it('the flush refuses an events text over its bound before parsing it', () => {
    const valid = sample(schemaOf('recorder/flush')) as Record<string, unknown>;
    const huge = { ...valid, events: `[${' '.repeat(24 * 1024 * 1024)}]` };
    expect(validateRequest('recorder/flush', huge)).toMatchObject({ ok: false });
    const r = validateRequest('recorder/flush', { ...valid, count: 10_001 });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Bad recorder\/flush: count: /) });
  });
});
