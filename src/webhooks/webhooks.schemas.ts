import { Type, type Static } from 'typebox';
import { Attribution, IdParam, Nullable, PageQuery, SingleLine, Timestamp } from '../http/schemas.js';
import { WEBHOOK_EVENT_TYPES } from './events.js';

const Provider = Type.Union([Type.Literal('generic'), Type.Literal('stripe')]);
const Description = SingleLine({ maxLength: 200, examples: ['Payments from Stripe'] });

export const EndpointParams = Type.Object({ endpointId: IdParam('webhookEndpoint') }, { additionalProperties: false });
export const SubscriptionParams = Type.Object({ subscriptionId: IdParam('webhookSubscription') }, { additionalProperties: false });

export const Endpoint = Type.Object({
  id: Type.String(),
  provider: Provider,
  description: Nullable(Type.String()),
  /** Where the sender posts: the public URL of this endpoint. */
  url: Type.String(),
  ...Attribution,
});
export type Endpoint = Static<typeof Endpoint>;

/** Only the 201 of a generic endpoint carries the secret the server generated; never again. */
export const EndpointCreated = Type.Object({ ...Endpoint.properties, secret: Type.Optional(Type.String()) });
export type EndpointCreated = Static<typeof EndpointCreated>;

export const EndpointCreate = Type.Object(
  {
    provider: Provider,
    description: Type.Optional(Description),
    secret: Type.Optional(
      Type.String({
        pattern: '^whsec_[A-Za-z0-9+/=_-]{16,256}$',
        description: "stripe only: the endpoint's signing secret from the Stripe dashboard (whsec_…); generic endpoints get a generated one",
      }),
    ),
  },
  { additionalProperties: false, examples: [{ provider: 'generic', description: 'Payment notifications' }] },
);
export type EndpointCreate = Static<typeof EndpointCreate>;

const EventType = Type.Union(WEBHOOK_EVENT_TYPES.map((type) => Type.Literal(type)));

export const Subscription = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  ...Attribution,
});
export type Subscription = Static<typeof Subscription>;

/** The 201 carries the signing secret, once. */
export const SubscriptionCreated = Type.Object({ ...Subscription.properties, secret: Type.String() });
export type SubscriptionCreated = Static<typeof SubscriptionCreated>;

export const SubscriptionCreate = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048, examples: ['https://hooks.example.com/spinney'] }),
    eventTypes: Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);
export type SubscriptionCreate = Static<typeof SubscriptionCreate>;

export const Attempt = Type.Object({
  attempt: Type.Integer(),
  startedAt: Timestamp,
  durationMs: Type.Integer(),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});

export const Delivery = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('cancelled')]),
  nextAttemptAt: Nullable(Timestamp),
  createdAt: Timestamp,
  completedAt: Nullable(Timestamp),
  attempts: Type.Array(Attempt),
});
export type Delivery = Static<typeof Delivery>;

export const DeliveryListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;
