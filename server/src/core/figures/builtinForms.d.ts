// The built-in catalogue's figure forms (`gatherForms`), made at build time (scripts/build.mjs).
declare module 'builtin-figure-forms' {
  import type { FormTable } from './formIndex';
  const forms: FormTable;
  export default forms;
}
