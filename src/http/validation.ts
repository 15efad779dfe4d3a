// Request validation and response serialisation, compiled once per distinct schema in a process.
// Bodies are checked strictly (no type coercion, unknown fields rejected rather than silently
// dropped); path and query strings, always text on the wire, are coerced to the declared number
// and boolean types. Compiling every route's schemas costs about 0.8 s of CPU per process, and most
// processes (a CLI command, a test, a worker serving a few screens) use a handful of routes: each
// function is compiled on its route's first use, once per distinct schema JSON in the process. A
// schema that cannot compile fails its route's first request (the route walker sends one to every
// route) instead of the start-up.
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
    const key = `${part}:${JSON.stringify(schema)}`;
    const ready = compiled.get(key);
    if (ready) return ready;
    let validate: Validate | undefined;
    // Fastify reads `errors` from the function it was given after a failed check.
    const lazy = ((data: unknown) => {
      validate ??= compiledOnce(compiled, key, () => (part === 'body' ? body : text).compile(schema as object));
      const valid = validate(data);
      lazy.errors = validate.errors;
      return valid;
    }) as Validate;
    return lazy;
  };
}

const buildSerializer = SerializerSelector();
const serializers = new Map<string, (doc: unknown) => string>();

/** Fastify's own response serialiser factory (fast-json-stringify), memoised per shared schemas and route schema. */
export const cachedSerializerFactory: SerializerFactory = (externalSchemas, options) => {
  const compile = buildSerializer(externalSchemas, options);
  const shared = JSON.stringify([externalSchemas, options]);
  return (route) => {
    const key = `${shared}${JSON.stringify(route.schema)}`;
    let serialize = serializers.get(key);
    return (doc) => (serialize ??= compiledOnce(serializers, key, () => compile(route)))(doc);
  };
};
