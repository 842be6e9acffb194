/**
 * The comparison's shapes (Place, SeenValue, Divergence, Comparison). Their schemas live in the
 * model (lib/model/divergence.ts), since the export carries them; these are the inferred types,
 * re-exported under the names lib/consistency has always used.
 */
export type {
  AgreementScore,
  Comparison,
  Divergence,
  OffsitePlace,
  PagePlace,
  Place,
  SeenValue,
} from '@/lib/model/divergence';
