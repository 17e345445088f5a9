/**
 * Word segmentation of the short windows where a name is expected (after a role word, in a
 * byline, in a list), with jieba: jieba-rs compiled to WebAssembly, its dictionary inside, bundled
 * with the core so that it works offline on every platform. It is loaded on first use and only
 * ever asked about a few characters at a time, never a whole article. Its dictionary takes ≈ 60 MB
 * of WebAssembly memory in each thread that loads it, so a process that indexes in several
 * threads keeps one copy in one thread and routes every thread's windows there (`useWindowTagger`).
 */
import { initSync, tag } from 'jieba-wasm/web';

export interface Token {
  word: string;
  /** jieba's part of speech: `nr` a person's name, `ns` a place, `x` a word its dictionary lacks … */
  tag: string;
}

let loaded: boolean | undefined;
const cache = new Map<string, Token[]>();

function load(): boolean {
  if (loaded === undefined) {
    try {
      // Required here rather than imported, so the 4 MB module is decoded only when first needed.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const required = require('jieba-wasm-bytes') as Uint8Array | { default: Uint8Array };
      const bytes = required instanceof Uint8Array ? required : required.default;
      initSync({ module: bytes });
      loaded = true;
    } catch {
      loaded = false;
    }
  }
  return loaded;
}

/** Segments one window: jieba in this thread, or a call to the thread that holds the shared copy. */
export type WindowTagger = (window: string) => Token[] | undefined;

/** Segments a window with this thread's own jieba, loading it on first use. */
export function tagHere(window: string): Token[] | undefined {
  if (!load()) return undefined;
  try {
    return tag(window, true).map(({ word, tag: partOfSpeech }) => ({ word, tag: partOfSpeech }));
  } catch {
    return undefined;
  }
}

let tagger: WindowTagger = tagHere;

/**
 * Sends this thread's windows to `shared` (the same jieba, held by another thread) instead of
 * loading jieba here; undefined goes back to this thread's own. Answers are the same either way,
 * so the cache is kept.
 */
export function useWindowTagger(shared: WindowTagger | undefined): void {
  tagger = shared ?? tagHere;
}

/** The words of a short window of Han text, with their parts of speech; undefined when the segmenter cannot load. */
export function segmentWindow(window: string): readonly Token[] | undefined {
  let tokens: Token[] | undefined = cache.get(window);
  if (tokens) return tokens;
  tokens = tagger(window);
  if (!tokens) return undefined;
  // The same windows recur across a corpus (`记者张三报导`); the cache is bounded, not kept forever.
  if (cache.size > 20000) cache.clear();
  cache.set(window, tokens);
  return tokens;
}

/** Parts of speech that a person's name may carry: jieba's names, and words its dictionary lacks. */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'nz']);

/** Whether jieba reads `word`, alone, as one common word that is not a name (`萧条`, `简略`, `时期`). */
export function isCommonWord(word: string): boolean {
  const tokens = segmentWindow(word);
  return tokens !== undefined && tokens.length === 1 && !NAME_TAGS.has(tokens[0].tag);
}

/**
 * Where a name that starts `window` ends, as jieba segments the window: the length of its first
 * word when that word may be a name (or a name split into surname and given name), else undefined.
 */
export function nameLengthAtStart(window: string): number | undefined {
  const tokens = segmentWindow(window);
  if (!tokens || tokens.length === 0) return undefined;
  const [first, second] = tokens;
  if (NAME_TAGS.has(first.tag) && first.word.length >= 2) return first.word.length;
  // jieba often splits a name it does not know: a one-character surname, then the given name.
  if (first.word.length === 1 && second && second.word.length <= 2 && NAME_TAGS.has(second.tag)) return 1 + second.word.length;
  if (first.tag === 'nr' && first.word.length === 1 && second && second.word.length <= 2) return 1 + second.word.length;
  return undefined;
}
