/**
 * The extractors' version: stored with each page's facts, and any page whose facts are older is
 * extracted again from its recording. Raise it whenever an extractor reads differently, so that
 * an improved extractor improves the audits recorded before it.
 */
/** 2: calls to action named with an account provider ("Register with Google") are read. 3: the rebuilt page is read at rest, without the replayed pointer's :hover. */
export const EXTRACTION_VERSION = 3;
