/** Small helpers shared by the import and export command lines. */
import { ImportValidationError, formatIssues } from './validate';

export interface CliArgs {
  dir?: string;
  batchSize?: number;
  dryRun: boolean;
  help: boolean;
  /** Who runs the import, for the audit record (`--actor`). */
  actor?: string;
}

/** Parses `--dir <folder>` / `--dir=<folder>`, `--batch-size <n>`, `--dry-run`, `--actor <name>`, `--help`. Throws on anything else. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { help: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
      i += 1;
      return next;
    };
    switch (name) {
      case '--dir':
        args.dir = value();
        break;
      case '--batch-size': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error('--batch-size must be a positive integer');
        args.batchSize = n;
        break;
      }
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--actor':
        args.actor = value().trim();
        if (!args.actor) throw new Error('--actor needs a name');
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return args;
}

/** Progress output: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
/**
 * The arguments of a command that needs `--dir`, or the exit code to end with: 0 after
 * printing `usage` for --help, 2 after printing the problem and `usage`.
 */
export function folderArgs(argv: readonly string[], usage: string): (CliArgs & { dir: string }) | number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (args.help || !args.dir) {
    (args.help ? process.stdout : process.stderr).write(`${usage}\n`);
    return args.help ? 0 : 2;
  }
  return { ...args, dir: args.dir };
}

export class ProgressReporter {
  private lastDraw = 0;
  private lastLabel = '';
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly tty = Boolean(process.stderr.isTTY),
  ) {}

  update(label: string, done: number, total: number): void {
    const now = Date.now();
    const changed = label !== this.lastLabel;
    if (this.tty) {
      if (!changed && now - this.lastDraw < 100 && done < total) return;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(ratio * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      this.stream.write(
        `\r[${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${label}  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}\u001b[K`,
      );
      this.drawn = true;
    } else {
      if (!changed && now - this.lastDraw < 2000 && done < total) return;
      this.stream.write(`${label}: ${done}/${total}\n`);
    }
    this.lastDraw = now;
    this.lastLabel = label;
  }

  /** Ends the bar's line (TTY). */
  done(): void {
    if (this.tty && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

/** Prints every problem of an invalid import (`file:line: reason`); the exit status is 1. */
export function reportInvalidImport(error: ImportValidationError): number {
  const count = error.issues.length;
  process.stderr.write(
    `import failed: ${count} problem${count === 1 ? '' : 's'} found, nothing was written\n${formatIssues(error.issues)}\n`,
  );
  return 1;
}

/** Runs a command's `main` when its file is the one node started: exits with its status (2 on a crash). */
export function runWhenMain(commandModule: NodeJS.Module, main: () => Promise<number>): void {
  if (require.main !== commandModule) return;
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(2);
    },
  );
}
