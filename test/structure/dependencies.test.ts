import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The layering of src/ (.dependency-cruiser.cjs) holds: dependency-cruiser finds no violation. */
describe('import graph', () => {
  it('runs one way, without cycles', () => {
    const root = path.resolve(__dirname, '../..');
    let output: string;
    try {
      output = execFileSync(
        path.join(root, 'node_modules/.bin/depcruise'),
        ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output).toMatch(/no dependency violations found/);
  }, 60_000);
});
