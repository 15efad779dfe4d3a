import { Type, type Static } from 'typebox';
import { IdParam, Nullable, SingleLine, Timestamp } from '../http/schemas.js';

/** The roles a key may have: never admin (see api-keys.service.ts). */
const KeyRole = Type.Union([Type.Literal('member'), Type.Literal('viewer')], { description: 'member (reads and writes workspace data) or viewer (reads); never admin' });

export const ApiKeyParams = Type.Object({ apiKeyId: IdParam('apiKey') }, { additionalProperties: false });

/** A key as listed: never its secret nor its hash. */
export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: KeyRole,
  createdAt: Timestamp,
  createdBy: Type.String(),
  expiresAt: Nullable(Timestamp, { description: 'null: the key does not expire' }),
  lastUsedAt: Nullable(Timestamp, { description: 'the last request made with the key, to the minute; null: never used' }),
  expired: Type.Boolean(),
});
export type ApiKey = Static<typeof ApiKey>;

/** Only the 201 of a creation carries the key itself; it is never shown again. */
export const ApiKeyCreated = Type.Object({
  ...ApiKey.properties,
  apiKey: Type.String({ description: 'the key, `spk_<workspace id>_<secret>`: shown this once; send it as `Authorization: Bearer <key>`' }),
});
export type ApiKeyCreated = Static<typeof ApiKeyCreated>;

export const ApiKeyCreate = Type.Object(
  {
    name: SingleLine({ minLength: 1, maxLength: 100, examples: ['Nightly accounting sync'] }),
    role: KeyRole,
    expiresAt: Type.Optional(Nullable(Timestamp, { description: 'when the key stops working: in the future, at most a year ahead; absent or null: never' })),
  },
  { additionalProperties: false, examples: [{ name: 'Nightly accounting sync', role: 'member' }] },
);
export type ApiKeyCreate = Static<typeof ApiKeyCreate>;
