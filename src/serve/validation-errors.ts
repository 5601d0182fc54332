/** An Ajv error as Fastify hands it over in `error.validation`. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * What the request's parts are called in a message (Fastify's validation contexts). Only these two:
 * no route validates path parameters or headers (src/serve/server.ts; src/app checks with zod).
 */
const PART_NAMES: Record<string, string> = { body: 'the body', querystring: 'the query string' };

/**
 * `/accounts/3/usage_trend_14d` -> `accounts[3].usage_trend_14d`, the way a client spells it; the
 * part itself (`context`: the body, the query string) when the pointer is empty.
 */
function display(pointer: string, context: string): string {
  if (pointer === '') return PART_NAMES[context] ?? `the ${context}`;
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`))
    .join('');
}

function describeType(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return list.join(' or ');
}

/**
 * One sentence naming the failing field, plus that field as a JSON pointer. Ajv runs with
 * allErrors off, so the first error is the one to report.
 */
export function describeValidationError(
  errors: readonly SchemaError[],
  context: string,
): { message: string; field?: string } {
  const e = errors[0];
  if (!e) return { message: `invalid ${context}` };
  const at = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params['additionalProperty']);
      const field = `${at}/${name}`;
      const noun = context === 'querystring' ? 'parameter' : 'field';
      return { message: `unknown ${noun} "${name}" in ${display(at, context)}`, field };
    }
    case 'required': {
      const name = String(e.params['missingProperty']);
      return { message: `missing required field "${name}" in ${display(at, context)}`, field: `${at}/${name}` };
    }
    case 'type':
      return { message: `${display(at, context)} must be ${describeType(e.params['type'])}`, field: at };
    case 'format':
    case 'pattern':
      return { message: `${display(at, context)} must be a date YYYY-MM-DD`, field: at };
    case 'maxItems':
      return { message: `${display(at, context)} must have at most ${String(e.params['limit'])} items`, field: at };
    case 'maxLength':
      return { message: `${display(at, context)} must be at most ${String(e.params['limit'])} characters`, field: at };
    case 'minLength':
      return { message: `${display(at, context)} must not be empty`, field: at };
    default:
      return { message: `${display(at, context)} ${e.message ?? 'is invalid'}`, field: at };
  }
}
