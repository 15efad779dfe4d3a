// The envelope format: sealed values open only with their key and only where they belong; any
// changed byte, a truncation, or a move to another tenant, row, column or purpose is refused.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { FORMAT_VERSION, open, seal, sealedKeyVersion, VaultOpenError, type SealContext } from '../../src/vault/envelope.js';

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const keys = (version: number) => (version === 1 ? key1 : version === 2 ? key2 : undefined);
const here: SealContext = { tenantId: 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', purpose: 'sensitive', table: 'contacts', recordId: 'ct_bbbbbbbbbbbbbbbbbbbbbbbb', column: 'tax_id' };
const secret = Buffer.from('DE123456789 — IBAN DE89 3704 0044 0532 0130 00');

t.test('a sealed value opens with its key in its place, and every seal uses a fresh nonce', async (t) => {
  const sealed = seal(key1, 1, secret, here);
  t.same(open(keys, sealed, here), secret);
  t.equal(sealed[0], FORMAT_VERSION);
  t.equal(sealedKeyVersion(sealed), 1);
  t.equal(sealed.length, 1 + 4 + 12 + secret.length + 16, 'header, ciphertext, tag');
  const again = seal(key1, 1, secret, here);
  t.not(again.subarray(5, 17).toString('hex'), sealed.subarray(5, 17).toString('hex'), 'a fresh nonce');
  t.not(again.toString('hex'), sealed.toString('hex'));
  t.notOk(sealed.includes(secret.subarray(0, 8)), 'no plaintext in the output');
  t.same(open(keys, seal(key2, 2, Buffer.alloc(0), here), here), Buffer.alloc(0), 'empty values and other key versions work');
});

t.test('a value moved to another tenant, purpose, table, row or column does not open', async (t) => {
  const sealed = seal(key1, 1, secret, here);
  const moves: [string, SealContext][] = [
    ['another tenant', { ...here, tenantId: 'tn_cccccccccccccccccccccccc' }],
    ['another purpose', { ...here, purpose: 'app' }],
    ['another table', { ...here, table: 'leads' }],
    ['another row', { ...here, recordId: 'ct_dddddddddddddddddddddddd' }],
    ['another column', { ...here, column: 'bank_details' }],
    ['no column', { tenantId: here.tenantId, purpose: here.purpose, table: here.table, recordId: here.recordId }],
    ['parts shifted between fields', { ...here, table: 'contactsct_bbbbbbbbbbbbbbbbbbbbbbbb', recordId: '' }],
  ];
  for (const [name, context] of moves) t.throws(() => open(keys, sealed, context), VaultOpenError, name);
});

t.test('any changed byte, a truncation, a wrong key or an unknown key version is refused', async (t) => {
  const sealed = seal(key1, 1, secret, here);
  for (const [name, index] of [['format version', 0], ['key version', 4], ['nonce', 9], ['ciphertext', 20], ['tag', sealed.length - 1]] as const) {
    const changed = Buffer.from(sealed);
    changed[index] = (changed[index] as number) ^ 0x01;
    t.throws(() => open(keys, changed, here), VaultOpenError, name);
  }
  t.throws(() => open(keys, sealed.subarray(0, sealed.length - 1), here), VaultOpenError, 'truncated by one byte');
  t.throws(() => open(keys, sealed.subarray(0, 20), here), VaultOpenError, 'cut to almost nothing');
  t.throws(() => open(() => key2, sealed, here), VaultOpenError, 'the wrong key');
  t.throws(() => open(() => undefined, sealed, here), /key version 1 is not available/, 'a retired key version');
  const relabelled = Buffer.from(sealed);
  relabelled.writeUInt32BE(2, 1);
  t.throws(() => open(keys, relabelled, here), VaultOpenError, 'a value relabelled to another key version');
});

t.test('keys must be 256 bits and key versions positive', async (t) => {
  t.throws(() => seal(randomBytes(16), 1, secret, here), /vault keys are 32 bytes/);
  t.throws(() => seal(key1, 0, secret, here), /key versions/);
  t.throws(() => open(() => randomBytes(31), seal(key1, 1, secret, here), here), /vault keys are 32 bytes/);
});
