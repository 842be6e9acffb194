import { z } from 'zod';
import { Id } from '@/lib/model/common';

/** An asset's name: the SHA-256 of its text's UTF-8 bytes, in lowercase hex (lib/assets/refs.ts). */
export const AssetHash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A large stylesheet text one walk's recording references (lib/assets/refs.ts), stored once per
 * walk, gzip-compressed like a chunk. Keyed by walk and hash, so a walk's assets go with it.
 */
export const Asset = z.object({
  /** `assetId(walkId, hash)`. */
  id: z.string().min(1).max(160),
  walkId: Id,
  hash: AssetHash,
  /** The text's UTF-8 size. */
  rawBytes: z.number().int().nonnegative(),
  data: z.instanceof(Uint8Array),
});
export type Asset = z.infer<typeof Asset>;

export const assetId = (walkId: string, hash: string) => `${walkId}:${hash}`;
