// esbuild bundles the knowledge files as text (loader `.yaml: text` in scripts/build.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}
