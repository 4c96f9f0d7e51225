/**
 * A logger that keeps every line in memory, so tests can assert what was (and was not)
 * logged, e.g. that an API key never reaches the logs.
 *
 * n8n has two logging entry points, and the harness wires both to one CapturingLogger:
 * - `LoggerProxy` (n8n-workflow), used by the execution engine itself;
 * - the `Logger` service of `@n8n/backend-common` from the DI container, which is what a
 *   node sees as `this.logger` and what n8n-core services (ErrorReporter, binary data) use.
 */
import type { LogMetadata, Logger as WorkflowLogger } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogEntry {
	level: LogLevel;
	message: string;
	metadata?: LogMetadata;
	/** Scopes given through `logger.scoped(...)`, if any. */
	scopes?: string[];
}

export class CapturingLogger implements WorkflowLogger {
	constructor(
		private readonly sink: LogEntry[] = [],
		private readonly scopes: string[] = [],
		/** Also print to the console (set `N8N_HARNESS_PRINT_LOGS=1` to debug a test). */
		private readonly echo = process.env.N8N_HARNESS_PRINT_LOGS === '1',
	) {}

	/** All entries captured so far (live array). */
	get entries(): readonly LogEntry[] {
		return this.sink;
	}

	/** Position to pass to `since()` later. */
	mark(): number {
		return this.sink.length;
	}

	/** Entries captured after `mark`. */
	since(mark: number): LogEntry[] {
		return this.sink.slice(mark);
	}

	clear(): void {
		this.sink.length = 0;
	}

	/** Mirrors `Logger.scoped()` of @n8n/backend-common: same sink, extra scopes. */
	scoped(scopes: string | string[]): CapturingLogger {
		const extra = Array.isArray(scopes) ? scopes : [scopes];
		return new CapturingLogger(this.sink, [...this.scopes, ...extra], this.echo);
	}

	error(message: string, metadata?: LogMetadata): void {
		this.log('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata): void {
		this.log('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata): void {
		this.log('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata): void {
		this.log('debug', message, metadata);
	}

	private log(level: LogLevel, message: string, metadata?: LogMetadata): void {
		const entry: LogEntry = { level, message: String(message) };
		if (metadata !== undefined) entry.metadata = metadata;
		if (this.scopes.length > 0) entry.scopes = [...this.scopes];
		this.sink.push(entry);
		if (this.echo) {
			console.log(`[${level}] ${entry.message}`, metadata ?? '');
		}
	}
}

/**
 * Flattens captured entries to text (message plus JSON metadata) for substring checks
 * such as `expect(logsToText(result.logs)).not.toContain(apiKey)`.
 */
export function logsToText(entries: readonly LogEntry[]): string {
	return entries
		.map((entry) => {
			let meta = '';
			if (entry.metadata !== undefined) {
				try {
					meta = ' ' + JSON.stringify(entry.metadata, errorReplacer);
				} catch {
					meta = ' ' + String(entry.metadata);
				}
			}
			return `[${entry.level}] ${entry.message}${meta}`;
		})
		.join('\n');
}

function errorReplacer(_key: string, value: unknown): unknown {
	if (value instanceof Error) {
		return { ...value, name: value.name, message: value.message, stack: value.stack };
	}
	return value;
}
