// jieba's WebAssembly module, bundled as its bytes by scripts/build.mjs (a binary loader).
declare module 'jieba-wasm-bytes' {
  const bytes: Uint8Array;
  export default bytes;
}

// The word tables of name recognition, parsed at build time (scripts/build.mjs).
declare module '*/data/figure-words.yaml' {
  const words: Record<string, string[]>;
  export default words;
}
