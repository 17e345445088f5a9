// esbuild bundles the built-in catalogues already parsed (scripts/build.mjs parses them at build
// time with the parsers below): importing one gives its parse result, not its text.
declare module '*/data/figures.yaml' {
  const parsed: ReturnType<typeof import('./figures/catalogue').parseFigureCatalogue>;
  export default parsed;
}

declare module '*/data/meetings.yaml' {
  const parsed: ReturnType<typeof import('./meetings/catalogue').parseMeetingCatalogue>;
  export default parsed;
}

declare module '*/data/outlets.yaml' {
  const parsed: ReturnType<typeof import('./article/outlets').parseOutletTable>;
  export default parsed;
}

declare module '*/data/meeting-words.yaml' {
  const parsed: { words: import('./meetings/wordData').MeetingWordData };
  export default parsed;
}
