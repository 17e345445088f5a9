// Everything the e2e tests use, in one import.
export * from './paths.mjs';
export * from './wait.mjs';
export * from './codeServer.mjs';
export * from './browser.mjs';
export * from './workbench.mjs';
export * from './vsix.mjs';
export * from './corpus.mjs';
export * from './session.mjs';
