/**
 * Child process of crash-safety.test.ts: opens the session services on DATA_DIR and performs operations
 * [START, COUNT) of the seeded crash workload, printing `ack <i>` after each one has returned (the moment
 * the app would tell the user "saved"). The parent kills it with SIGKILL at random moments.
 *
 *   node --import tsx tests/reliability/crash-child.ts DATA_DIR SEED COUNT START
 */
import { writeSync } from 'node:fs';
import { openSessionServices } from '../../main/host/session-services';
import { applyCrashOp, crashWorkload } from './crash-workload';

const [dataDir, seedArg, countArg, startArg] = process.argv.slice(2);
const ops = crashWorkload(Number(seedArg), Number(countArg));
const services = openSessionServices({ dataDir, warn: (message) => writeSync(2, `${message}\n`) });
// Synchronous writes: an acknowledgement printed is an acknowledgement the parent receives, even if killed next.
writeSync(1, 'ready\n');
for (let i = Number(startArg); i < ops.length; i++) {
  applyCrashOp(services, ops[i]);
  writeSync(1, `ack ${i}\n`);
}
writeSync(1, 'done\n');
