/** The `summit-lens` executable: runs the command line and exits with its status. */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`summit-lens: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
