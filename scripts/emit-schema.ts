import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { printedSchema } from '../src/graph/schema';

/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql classes. */
const file = path.join(projectRoot, 'schema', 'schema.graphql');
fs.writeFileSync(file, printedSchema());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
