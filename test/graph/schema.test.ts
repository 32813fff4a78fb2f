import fs from 'node:fs';
import path from 'node:path';
import { graphqlSchema, printedSchema } from '../../src/graph/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing a type)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('has the operations clients rely on', () => {
    const sdl = printedSchema();
    expect(sdl).toMatch(/interface NetworkNode \{\s+id: ID!\s+("""[^"]*"""\s+)?name: String!/);
    expect(sdl).toContain('hcp(id: ID!): HCP');
    expect(sdl).toContain('msl(id: ID!): MSL');
    const hcps = graphqlSchema().getQueryType()!.getFields().hcps;
    expect(String(hcps.type)).toBe('HCPConnection!');
    const args = Object.fromEntries(
      hcps.args.map((arg) => [arg.name, `${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${String(arg.defaultValue)}`}`]),
    );
    expect(args).toMatchObject({ filter: 'HcpFilter', first: 'Int = 20', after: 'String' });
  });
});
