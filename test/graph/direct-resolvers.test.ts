import 'reflect-metadata';
import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Info,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  buildSchemaSync,
  registerEnumType,
} from 'type-graphql';
import { withDirectResolvers } from '../../src/graph/common/plain-fields';

/**
 * withDirectResolvers calls field resolvers that take only root, context and info itself, and
 * leaves type-graphql's wrapper on everything it would change: roles, middlewares, arguments,
 * and roots that type-graphql would first convert to the declared class. Each case is answered by
 * the schema with and without the pass, which must agree.
 */
interface Context {
  roles: string[];
  calls: string[];
}

enum Shade {
  LIGHT = 'LIGHT',
  DARK = 'DARK',
}
registerEnumType(Shade, { name: 'Shade' });

@InputType()
class Times {
  @Field(() => Int)
  n!: number;
}

@ObjectType()
class Item {
  @Field()
  name!: string;
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => Item)
  instance(): Item {
    return Object.assign(new Item(), { name: 'instance' });
  }

  @Query(() => Item)
  plain(): Item {
    return { name: 'plain' };
  }

  @FieldResolver(() => String)
  direct(@Root() item: Item, @Ctx() context: Context, @Info() info: { fieldName: string }): string {
    context.calls.push(info.fieldName);
    return `${item.name}:${item instanceof Item}`;
  }

  @FieldResolver(() => String)
  @UseMiddleware(async ({ context }: { context: Context }, next) => {
    context.calls.push('middleware');
    return next();
  })
  withMiddleware(@Root() item: Item): string {
    return item.name;
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String)
  adminOnly(@Root() item: Item): string {
    return item.name;
  }

  @FieldResolver(() => String)
  withArgument(@Root() item: Item, @Arg('times', () => Int) times: number): string {
    return item.name.repeat(times);
  }

  @FieldResolver(() => String)
  shades(
    @Root() item: Item,
    @Arg('shades', () => [Shade], { nullable: true }) shades: Shade[] | null | undefined,
    @Arg('prefix', { nullable: true, defaultValue: '' }) prefix: string,
  ): string {
    shades?.push(Shade.LIGHT);
    return `${prefix}${item.name}:${shades === undefined ? 'undefined' : JSON.stringify(shades)}`;
  }

  @FieldResolver(() => String)
  withInput(@Root() item: Item, @Arg('times', () => Times) times: Times): string {
    return `${item.name.repeat(times.n)}:${times instanceof Times}`;
  }
}

const build = (): GraphQLSchema =>
  buildSchemaSync({
    resolvers: [ItemResolver],
    validate: false,
    authMode: 'error',
    authChecker: ({ context }, roles) => roles.every((role) => (context as Context).roles.includes(role)),
  });

const reference = build();
const direct = withDirectResolvers(build(), { validate: false });

async function both(source: string, roles: string[] = []) {
  const run = async (schema: GraphQLSchema) => {
    const context: Context = { roles, calls: [] };
    const result = await graphql({ schema, source, contextValue: context });
    return { result: JSON.parse(JSON.stringify(result)), calls: context.calls };
  };
  return { reference: await run(reference), direct: await run(direct) };
}

describe('withDirectResolvers', () => {
  it('answers a root/context/info field resolver as the wrapper does, for instances and plain roots', async () => {
    const answers = await both('{ instance { name direct } plain { name direct } }');
    expect(answers.direct).toEqual(answers.reference);
    expect(answers.direct.result.data).toEqual({
      instance: { name: 'instance', direct: 'instance:true' },
      // A plain root still reaches the method as an Item: type-graphql converted it, and still does.
      plain: { name: 'plain', direct: 'plain:true' },
    });
    expect(answers.direct.calls).toEqual(['direct', 'direct']);
  });

  it('calls the method directly for a root of the declared class', () => {
    const itemType = direct.getType('Item') as GraphQLObjectType;
    const resolve = itemType.getFields().direct.resolve!;
    const context: Context = { roles: [], calls: [] };
    const answer = resolve(Object.assign(new Item(), { name: 'x' }), {}, context, { fieldName: 'direct' } as never);
    // Synchronously, with the method's own value: no middleware chain (which always answers a promise).
    expect(answer).toBe('x:true');
  });

  it('keeps middlewares, roles and argument conversion', async () => {
    const withMiddleware = await both('{ instance { withMiddleware } }');
    expect(withMiddleware.direct).toEqual(withMiddleware.reference);
    expect(withMiddleware.direct.calls).toEqual(['middleware']);

    const refused = await both('{ instance { adminOnly } }', []);
    expect(refused.direct).toEqual(refused.reference);
    expect(refused.direct.result.errors?.[0].message).toMatch(/access denied/i);
    const allowed = await both('{ instance { adminOnly } }', ['ADMIN']);
    expect(allowed.direct).toEqual(allowed.reference);
    expect(allowed.direct.result.data).toEqual({ instance: { adminOnly: 'instance' } });

    // An input type is converted to its class by type-graphql: the wrapper stays.
    const input = await both('{ instance { withInput(times: {n: 2}) } }');
    expect(input.direct).toEqual(input.reference);
    expect(input.direct.result.data).toEqual({ instance: { withInput: 'instanceinstance:true' } });
    const inputField = (direct.getType('Item') as GraphQLObjectType).getFields().withInput.resolve!;
    const context: Context = { roles: [], calls: [] };
    expect(inputField(Object.assign(new Item(), { name: 'x' }), { times: { n: 1 } }, context, {} as never)).toBeInstanceOf(Promise);
  });

  it('passes scalar and enum arguments itself, as type-graphql does (missing, null, defaults, lists copied)', async () => {
    const answers = await both(`{ instance {
      withArgument(times: 2) none: shades nulled: shades(shades: null) given: shades(shades: [DARK], prefix: ">")
      again: shades(shades: [DARK]) } }`);
    expect(answers.direct).toEqual(answers.reference);
    expect(answers.direct.result.data).toEqual({
      instance: {
        withArgument: 'instanceinstance',
        none: 'instance:undefined',
        nulled: 'instance:null',
        // The method pushed into its list: its own copy, so the next call's list is untouched.
        given: '>instance:["DARK","LIGHT"]',
        again: 'instance:["DARK","LIGHT"]',
      },
    });
    const resolve = (direct.getType('Item') as GraphQLObjectType).getFields().withArgument.resolve!;
    const context: Context = { roles: [], calls: [] };
    // Synchronously: type-graphql's wrapper answers every argument-taking field with a promise.
    expect(resolve(Object.assign(new Item(), { name: 'ab' }), { times: 2 }, context, {} as never)).toBe('abab');
    const given = ['DARK'];
    (direct.getType('Item') as GraphQLObjectType).getFields().shades.resolve!(new Item(), { shades: given }, context, {} as never);
    expect(given).toEqual(['DARK']);
  });

  it('leaves arguments to type-graphql when the schema validates them', () => {
    const validated = withDirectResolvers(build(), { validate: true });
    const resolve = (validated.getType('Item') as GraphQLObjectType).getFields().withArgument.resolve!;
    const context: Context = { roles: [], calls: [] };
    expect(resolve(Object.assign(new Item(), { name: 'ab' }), { times: 2 }, context, {} as never)).toBeInstanceOf(Promise);
  });
});
