import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

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
