import type { ExportedTag, ExportedWalk } from '@/lib/model/export';

/** A tag with its walk and the touchpoint it belongs to (null when none of the file's). */
export interface TagEntry {
  tag: ExportedTag;
  walk: ExportedWalk;
  touchpointId: string | null;
}

/** One CES/CSAT rating of a touchpoint: a score, or an off-site event. */
export interface RatingEntry {
  touchpointId: string;
  walk: ExportedWalk;
  ces: number | null;
  csat: number | null;
}
