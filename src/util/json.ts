/**
 * JSON indented like `JSON.stringify(value, null, 2)`, except that an array of plain values
 * (numbers, strings, booleans, null) stays on one line. A model's trees are long arrays of
 * numbers: one per line, their indentation was more than half of a gbdt artifact (5 MB for 300
 * trees, 2.3 MB without it). The parsed value is the same as JSON.stringify's, key for key.
 */
export function formatJson(value: unknown, indent = '  '): string {
  return walk(value, '', indent) ?? 'null';
}

function walk(raw: unknown, pad: string, indent: string): string | undefined {
  const value = hasToJSON(raw) ? raw.toJSON() : raw;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = pad + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + (walk(v, inner, indent) ?? 'null')).join(',\n')}\n${pad}]`;
  }
  const members: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const text = walk(v, inner, indent);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${pad}}`;
}

function hasToJSON(v: unknown): v is { toJSON(): unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * A JSON Schema as churnkit publishes one (models/*.schema.json): the generator's $schema first,
 * then the file's $id, title and description, then the schema itself.
 */
export function publishedSchema(
  schema: object,
  about: { id: string; title: string; description: string },
): Record<string, unknown> {
  const { $schema, ...rest } = schema as Record<string, unknown>;
  return { $schema, $id: about.id, title: about.title, description: about.description, ...rest };
}
