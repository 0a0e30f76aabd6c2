import type { UserFeatures } from './features.js';

export const SOURCES = ['embedding', 'followed', 'fresh', 'popular'] as const;
export type Source = (typeof SOURCES)[number];

/** The retrieval back ends a request may call; injected so the merge logic is testable without an index. */
export interface CandidateBackends {
  ann(query: Float32Array, k: number): number[];
  recentByCreators(creators: ArrayLike<number>, limit: number): number[];
  popular: number[];
  fresh: number[];
  catalogueSize: number;
}

export interface Candidates {
  ids: number[];
  source: Map<number, Source>;
  perSource: Record<Source, number>;
  /** The ANN's raw answer (before filtering); its length is the k its recall is measured at. */
  annRaw: number[];
}

/** Share of the candidate slots each non-embedding source may take at most; the ANN fills the rest. */
export const SOURCE_CAPS: Record<Exclude<Source, 'embedding'>, number> = { followed: 0.1, fresh: 0.1, popular: 0.1 };

/**
 * Calls every source, drops already-watched videos and duplicates, caps each non-embedding source, and fills
 * the remaining slots from the ANN, so the ranker gets `total` candidates whenever the catalogue allows.
 */
export function generateCandidates(user: UserFeatures, total: number, backends: CandidateBackends): Candidates {
  const watched = new Set(user.history);
  const source = new Map<number, Source>();
  const perSource: Record<Source, number> = { embedding: 0, followed: 0, fresh: 0, popular: 0 };
  const ids: number[] = [];
  const take = (list: Iterable<number>, from: Source, cap: number): void => {
    let taken = 0;
    for (const id of list) {
      if (ids.length >= total || taken >= cap) break;
      if (watched.has(id) || source.has(id)) continue;
      source.set(id, from);
      ids.push(id);
      taken++;
    }
    perSource[from] += taken;
  };
  const caps = {
    followed: Math.round(total * SOURCE_CAPS.followed),
    fresh: Math.round(total * SOURCE_CAPS.fresh),
    popular: Math.round(total * SOURCE_CAPS.popular),
  };
  const followed = backends.recentByCreators(user.follows, caps.followed + watched.size);
  take(followed, 'followed', caps.followed);
  take(backends.fresh, 'fresh', caps.fresh);
  take(backends.popular, 'popular', caps.popular);
  // The ANN fills the rest; the margin covers watched videos and overlap with the other sources.
  const wanted = total - ids.length;
  let annRaw = backends.ann(user.embedding, Math.min(backends.catalogueSize, wanted + watched.size + Math.ceil(wanted * 0.05)));
  take(annRaw, 'embedding', wanted);
  if (ids.length < total && annRaw.length < backends.catalogueSize) {
    annRaw = backends.ann(user.embedding, Math.min(backends.catalogueSize, 2 * (total + watched.size)));
    take(annRaw, 'embedding', total - ids.length);
  }
  return { ids, source, perSource, annRaw };
}
