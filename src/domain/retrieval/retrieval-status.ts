import type { TokenizerMode } from './text-tokenizer.ts';

/** Which retrieval paths run, and why a path is off: reported at start-up and by /health. */
export interface RetrievalStatus {
  lexical: { active: true; tokenizer: TokenizerMode; dictionary: string | null };
  dense: { active: true; model: string; dimensions: number; windows: number } | { active: false; reason: string };
}
