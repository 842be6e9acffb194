import { z } from 'zod';
import { Timestamp } from '@/lib/model/common';

/**
 * An rrweb event as it crosses a trust boundary: only the envelope is checked here; the payload
 * is rrweb's own (`eventWithTime`) and is stored as it came, compressed.
 */
export const RecordedEvent = z.looseObject({
  type: z.number().int().min(0).max(6),
  timestamp: Timestamp,
  data: z.unknown(),
});
export type RecordedEvent = z.infer<typeof RecordedEvent>;
