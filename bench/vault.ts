// Benchmark 5: the vault's envelope against bare AES-256-GCM. Seals and opens 1 KB values through
// the vault (the sensitive-fields path: the tenant's data key, the context bound in as additional
// data, the versioned header) and does the same with Node's crypto directly (the same additional
// data, no key lookup), in alternating rounds in one process. Two baselines: `bare` draws
// randomBytes(12) per value, as most hand-written code does; `pooled` takes its nonces from a pool
// filled 256 at a time, exactly as src/vault/envelope.ts does, so the vault/pooled ratio measures
// only what the envelope adds (key lookup, header, context encoding). Prints operations per second
// for each and both ratios (target ≥ 0.8, against the pooled baseline). Every value is opened and
// compared, so a broken round cannot look fast.
//
//   npm run bench:vault [-- --ops 20000 --rounds 5 --bytes 1024]
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadSpinney } from './lib/spinney.js';
import { benchWorkdir } from './lib/workdir.js';

const { values: args } = parseArgs({
  options: { ops: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' }, bytes: { type: 'string', default: '1024' } },
});
const ops = Number(args.ops);
const rounds = Number(args.rounds);
const value = randomBytes(Number(args.bytes) * 0.75).toString('base64'); // printable, `bytes` long

const spinney = await loadSpinney();
const work = benchWorkdir('vault', false);
const { config } = spinney.loadConfig({
  SPINNEY_ENV: 'test',
  SPINNEY_DATA_DIR: work.dir,
  SPINNEY_TOKEN_SIGNING_KEY: 'bench-signing-key-0123456789abcdef0123456789abcdef',
  SPINNEY_APP_SECRETS_KEY: 'bench-app-secrets-key-0123456789abcdef0123456789',
  SPINNEY_SENSITIVE_FIELDS_KEY: 'bench-sensitive-fields-key-0123456789abcdef0123',
  SPINNEY_LOG_LEVEL: 'silent',
});
const runtime = spinney.openRuntime(config);
const { id: tenantId } = spinney.createTenant(runtime, { name: 'Vault bench' });

function vaultRound(): number {
  return runtime.tenancy.run(tenantId, { actor: null, requestId: null }, () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ops; i += 1) {
      const recordId = `ct_${i % 1000}`;
      const sealed = runtime.vault.sealField('contacts', recordId, 'tax_id', value);
      if (runtime.vault.openField('contacts', recordId, 'tax_id', sealed) !== value) throw new Error('the vault returned another value');
    }
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
}

const bareKey = randomBytes(32);
const aad = Buffer.from(`spinney-vault ${tenantId} sensitive contacts ct_0 tax_id`);
/** One seal+open pair with Node's crypto and nothing else; `nextNonce` is the only difference between the baselines. */
function bareRound(nextNonce: () => Buffer): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i += 1) {
    const nonce = nextNonce();
    const cipher = createCipheriv('aes-256-gcm', bareKey, nonce).setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const decipher = createDecipheriv('aes-256-gcm', bareKey, nonce).setAAD(aad);
    decipher.setAuthTag(cipher.getAuthTag());
    if (Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8') !== value) throw new Error('bare AES-GCM returned another value');
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const freshNonce = (): Buffer => randomBytes(12);
// The envelope's pool (src/vault/envelope.ts): one CSPRNG call per 256 nonces, each 12 bytes handed out once.
const pool = Buffer.alloc(12 * 256);
let poolOffset = pool.length;
const pooledNonce = (): Buffer => {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const nonce = Buffer.allocUnsafe(12);
  pool.copy(nonce, 0, poolOffset, poolOffset + 12);
  poolOffset += 12;
  return nonce;
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const perSecond = (n: number): string => Math.round(n).toLocaleString('en');

try {
  vaultRound(); // warm-up
  bareRound(freshNonce);
  bareRound(pooledNonce);
  const toBare: number[] = [];
  const toPooled: number[] = [];
  console.log(`${ops} seal+open pairs of ${value.length}-byte values per round (${spinney.source})`);
  for (let r = 1; r <= rounds; r += 1) {
    const vault = ops / vaultRound();
    const bare = ops / bareRound(freshNonce);
    const pooled = ops / bareRound(pooledNonce);
    toBare.push(vault / bare);
    toPooled.push(vault / pooled);
    console.log(
      `round ${r}: vault ${perSecond(vault)} pairs/s, bare ${perSecond(bare)} pairs/s (ratio ${(vault / bare).toFixed(2)}), ` +
        `bare with pooled nonces ${perSecond(pooled)} pairs/s (ratio ${(vault / pooled).toFixed(2)})`,
    );
  }
  console.log(`median ratio vault/bare: ${median(toBare).toFixed(2)}; vault/pooled (same nonces, the honest one): ${median(toPooled).toFixed(2)} (target ≥ 0.80)`);
} finally {
  runtime.close();
  work.cleanup();
}
