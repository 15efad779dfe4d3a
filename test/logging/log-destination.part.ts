import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, logDestination } from '../../src/logging/logger.js';
import { tempDataDir } from '../helpers/app.js';

t.test('buffered log lines reach the file within about a second on a quiet server', async (t) => {
  const file = join(tempDataDir(t), 'spinney.log');
  const destination = logDestination(file);
  const log = createLogger({ logLevel: 'info' }, destination);
  log.error({ tenantId: 'tn_x' }, 'something failed');
  // The file opens asynchronously; either way the short line is still only in the buffer.
  t.equal(existsSync(file) ? readFileSync(file, 'utf8').length : 0, 0, 'one short line stays in the buffer at first');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.match(readFileSync(file, 'utf8'), /"msg":"something failed"/, 'the periodic flush wrote it');
  (destination as unknown as { end(): void }).end();
});
