import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, logDestination } from '../../src/logging/logger.js';
import { tempDataDir } from '../helpers/app.js';

t.test('buffered log lines reach the file within about a second on a quiet server', async (t) => {
  const file = join(tempDataDir(t), 'spinney.log');
  const destination = logDestination(file);
  const log = createLogger({ logLevel: 'info' }, destination);
  log.error({ tenantId: 'tn_x' }, 'something failed');
  t.equal(readFileSync(file, 'utf8').length, 0, 'one short line stays in the buffer at first');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.match(readFileSync(file, 'utf8'), /"msg":"something failed"/, 'the periodic flush wrote it');
  (destination as unknown as { end(): void }).end();
});
