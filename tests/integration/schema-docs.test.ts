// The schema is the playground's documentation: by introspection over real HTTP,
// every type, field, argument, input field, enum value and directive of the API
// carries a description (GraphQL's own introspection types excepted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startGraphQLServer(db);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

interface Described {
  name: string;
  description: string | null;
}
interface Field extends Described {
  args: Described[];
}
interface IntrospectedType extends Described {
  kind: string;
  fields: Field[] | null;
  inputFields: Described[] | null;
  enumValues: Described[] | null;
}

const INTROSPECTION = `{
  __schema {
    types {
      kind name description
      fields(includeDeprecated: true) { name description args(includeDeprecated: true) { name description } }
      inputFields(includeDeprecated: true) { name description }
      enumValues(includeDeprecated: true) { name description }
    }
    directives { name description args(includeDeprecated: true) { name description } }
  }
}`;

/** Every schema element without a description, named as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`, `@directive(arg)`. */
function undocumented(types: IntrospectedType[], directives: Field[]): string[] {
  const missing: string[] = [];
  const check = (item: Described, label: string) => {
    if (!item.description?.trim()) missing.push(label);
  };
  for (const type of types) {
    if (type.name.startsWith('__')) continue;
    check(type, type.name);
    for (const field of type.fields ?? []) {
      check(field, `${type.name}.${field.name}`);
      for (const arg of field.args) check(arg, `${type.name}.${field.name}(${arg.name})`);
    }
    for (const input of type.inputFields ?? []) check(input, `${type.name}.${input.name}`);
    for (const value of type.enumValues ?? []) check(value, `${type.name}.${value.name}`);
  }
  for (const directive of directives) {
    check(directive, `@${directive.name}`);
    for (const arg of directive.args) check(arg, `@${directive.name}(${arg.name})`);
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field, argument, input field, enum value and directive', async () => {
    const result = await api.query<{ __schema: { types: IntrospectedType[]; directives: Field[] } }>(INTROSPECTION);
    expect(result.errors).toBeUndefined();
    const { types, directives } = result.data!.__schema;
    // The check must see the kinds it checks, or it would pass on nothing.
    expect(types.some((t) => t.kind === 'INPUT_OBJECT' && t.inputFields!.length > 0)).toBe(true);
    expect(types.some((t) => t.kind === 'ENUM' && t.enumValues!.length > 0 && !t.name.startsWith('__'))).toBe(true);
    expect(types.some((t) => t.fields?.some((f) => f.args.length > 0) && !t.name.startsWith('__'))).toBe(true);
    expect(undocumented(types, directives)).toEqual([]);
  });

  it('reports what is missing (the check itself can fail)', () => {
    const types: IntrospectedType[] = [
      {
        kind: 'OBJECT',
        name: 'Thing',
        description: 'A thing.',
        fields: [{ name: 'size', description: ' ', args: [{ name: 'unit', description: null }] }],
        inputFields: null,
        enumValues: null,
      },
      { kind: 'INPUT_OBJECT', name: 'ThingInput', description: null, fields: null, inputFields: [{ name: 'size', description: null }], enumValues: null },
      { kind: 'ENUM', name: 'Unit', description: 'Units.', fields: null, inputFields: null, enumValues: [{ name: 'CM', description: '' }] },
      { kind: 'OBJECT', name: '__Type', description: null, fields: [], inputFields: null, enumValues: null },
    ];
    const directives: Field[] = [{ name: 'cost', description: null, args: [{ name: 'weight', description: null }] }];
    expect(undocumented(types, directives)).toEqual([
      'Thing.size',
      'Thing.size(unit)',
      'ThingInput',
      'ThingInput.size',
      'Unit.CM',
      '@cost',
      '@cost(weight)',
    ]);
  });
});
