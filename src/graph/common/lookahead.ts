import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/**
 * The names of the fields selected below the current field along `path` (e.g. ['edges', 'node']
 * under a connection), through fragments and inline fragments of any type condition (a superset is
 * fine: it only decides what a resolver may fetch ahead, in the same statement).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  return new Set(selectedFieldNodes(info, path).map((field) => field.name.value));
}

/** The field nodes selected below the current field along `path` (as `selectedFields`), with their arguments. */
export function selectedFieldNodes(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    level = fieldsOf(info, level)
      .filter((field) => field.name.value === name && field.selectionSet)
      .map((field) => field.selectionSet!);
  }
  return fieldsOf(info, level);
}

function fieldsOf(info: GraphQLResolveInfo, sets: SelectionSetNode[], seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(info, [selection.selectionSet], seen));
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) fields.push(...fieldsOf(info, [fragment.selectionSet], seen));
      }
    }
  }
  return fields;
}

/**
 * Whether the query itself gave argument `name` to the current field (a literal, or a variable the
 * request provided), as opposed to its schema default.
 */
export function argumentGiven(info: GraphQLResolveInfo, name: string): boolean {
  const node = info.fieldNodes[0]?.arguments?.find((argument) => argument.name.value === name);
  if (!node) return false;
  if (node.value.kind === Kind.VARIABLE) return info.variableValues[node.value.name.value] !== undefined;
  return true;
}

const selectedOnCache = new WeakMap<object, Map<string, Set<string>>>();

/**
 * Every field the whole operation (its fragments included) selects on an object or interface
 * of one of `typeNames`, wherever in the query. Cached per parsed operation: Apollo hands the
 * same document object to every request with the same query text.
 */
export function fieldsSelectedOn(info: GraphQLResolveInfo, typeNames: readonly string[]): Set<string> {
  let byTypes = selectedOnCache.get(info.operation);
  if (!byTypes) selectedOnCache.set(info.operation, (byTypes = new Map()));
  const key = typeNames.join(',');
  let fields = byTypes.get(key);
  if (!fields) {
    const found = new Set<string>();
    const typeInfo = new TypeInfo(info.schema);
    const collect = visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && typeNames.includes(parent.name)) found.add(node.name.value);
      },
    });
    // Fragments are visited with their own type condition, whether or not this operation spreads them.
    for (const definition of [info.operation, ...Object.values(info.fragments)]) visit(definition, collect);
    byTypes.set(key, (fields = found));
  }
  return fields;
}
