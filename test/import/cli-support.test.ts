import { parseArgs } from '../../src/import/cli-support';

describe('parseArgs', () => {
  it('reads --dir in both spellings, --batch-size, --dry-run and --help', () => {
    expect(parseArgs(['--dir', 'data/x'])).toEqual({ dir: 'data/x', dryRun: false, help: false });
    expect(parseArgs(['--dir=data/y', '--batch-size', '5000', '--dry-run'])).toEqual({
      dir: 'data/y',
      batchSize: 5000,
      dryRun: true,
      help: false,
    });
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('rejects unknown arguments, missing values and bad numbers', () => {
    expect(() => parseArgs(['--folder', 'x'])).toThrow('unknown argument --folder');
    expect(() => parseArgs(['--dir'])).toThrow('--dir needs a value');
    expect(() => parseArgs(['--dir', '--dry-run'])).toThrow('--dir needs a value');
    expect(() => parseArgs(['--dir', 'x', '--batch-size', '0'])).toThrow('--batch-size must be a positive integer');
  });
});
