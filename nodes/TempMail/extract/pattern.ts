/** A user-supplied regular expression that does not compile. */
export class InvalidPatternError extends Error {
	constructor(
		readonly field: string,
		readonly pattern: string,
		readonly reason: string,
	) {
		super(
			`${field}: "${pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern}" is not a valid regular expression (${reason})`,
		);
		this.name = 'InvalidPatternError';
	}
}

/** "/source/flags", with only flags a RegExp knows: "/path/to/x" stays a plain source. */
const LITERAL = /^\/([\s\S]+)\/([dgimsuvy]*)$/;

/** The engine's reason, without its "Invalid regular expression: /source/: " preamble. */
function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (!message.startsWith('Invalid regular expression')) return message;
	return message.slice(message.lastIndexOf(': ') + 2);
}

/**
 * Compiles a user pattern. A plain source (`code: (\d{6})`) is case-insensitive, like the
 * node's other patterns; a literal (`/Code: ([A-Z0-9]{6})/`) takes exactly its own flags.
 * "g" and "y" are dropped: the pattern finds the first match. Throws InvalidPatternError
 * with the engine's reason.
 */
export function compileUserPattern(pattern: string, field: string): RegExp {
	const literal = LITERAL.exec(pattern.trim());
	const source = literal === null ? pattern : literal[1];
	const flags = literal === null ? 'i' : literal[2].replace(/[gy]/g, '');
	let reason = '';
	try {
		return new RegExp(source, flags);
	} catch (error) {
		reason = reasonOf(error);
	}
	throw new InvalidPatternError(field, pattern, reason);
}
