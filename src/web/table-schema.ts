import { z } from 'zod';

/** A column of a CSV download as a Frictionless Table Schema describes it. */
export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';
  description: string;
}

type JsonSchema = {
  type?: string | string[];
  format?: string;
  description?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
};

// A nullable column is its value's type: an empty cell stands for null.
function valueType(s: JsonSchema): JsonSchema {
  const options = (s.anyOf ?? [s]).filter((o) => o.type !== 'null');
  return options.length === 1 ? { ...options[0], description: s.description } : s;
}

function fieldType(s: JsonSchema): TableField['type'] {
  const v = valueType(s);
  if (v.type === 'integer' || v.type === 'number' || v.type === 'boolean') return v.type;
  if (v.type === 'string' && v.format === 'date') return 'date';
  if (v.type === 'string' && v.format === 'date-time') return 'datetime';
  // Lists are joined by ";" and objects written as JSON: both are text in a CSV cell.
  return 'string';
}

/**
 * The columns of a CSV file, in order, from the zod schema of its rows: the CSV header, the JSON
 * download's keys and the data package all come from this one list.
 */
export function tableFields(schema: z.ZodObject): TableField[] {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    if (!s.description)
      throw new Error(`The column ${name} has no description: add .describe() to its schema`);
    return { name, type: fieldType(s), description: s.description };
  });
}
