// Request validation and response serialisation, compiled once per distinct schema in a process.
// Bodies are checked strictly (no type coercion, unknown fields rejected rather than silently
// dropped); path and query strings, always text on the wire, are coerced to the declared number
// and boolean types. Compiling every route's schemas costs about 2 s of CPU per app; a process
// that builds the app again (tests, the CLI's in-process commands) reuses what it compiled, keyed
// by the schema's JSON, since equal JSON compiles to the same function.
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives under .default when imported from ESM.
type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false, // TypeBox adds keywords (e.g. `examples`, `~kind`) that strict mode would reject
    ...options,
  });
  addFormats(ajv, ['email', 'date-time', 'uri']);
  return ajv;
}

/** The function compiled for `key`, compiling it on first use. */
function compiledOnce<T>(cache: Map<string, T>, key: string, compile: () => T): T {
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile();
    cache.set(key, compiled);
  }
  return compiled;
}

type Validate = ReturnType<Ajv['compile']>;
let validators: { body: Ajv; text: Ajv; compiled: Map<string, Validate> } | undefined;

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  validators ??= { body: makeAjv({ coerceTypes: false }), text: makeAjv({ coerceTypes: 'array' }), compiled: new Map() };
  const { body, text, compiled } = validators;
  return ({ schema, httpPart }) => {
    const part = httpPart === 'body' ? 'body' : 'text';
    return compiledOnce(compiled, `${part}:${JSON.stringify(schema)}`, () => (part === 'body' ? body : text).compile(schema as object));
  };
}

const buildSerializer = SerializerSelector();
const serializers = new Map<string, (doc: unknown) => string>();

/** Fastify's own response serialiser factory (fast-json-stringify), memoised per shared schemas and route schema. */
export const cachedSerializerFactory: SerializerFactory = (externalSchemas, options) => {
  const compile = buildSerializer(externalSchemas, options);
  const shared = JSON.stringify([externalSchemas, options]);
  return (route) => compiledOnce(serializers, `${shared}${JSON.stringify(route.schema)}`, () => compile(route));
};
