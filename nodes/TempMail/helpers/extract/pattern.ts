/** A user-supplied regular expression that does not compile. */
export class InvalidPatternError extends Error {
	constructor(
		readonly field: string,
		readonly pattern: string,
		readonly reason: string,
	) {
		super(`${field}: "${pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern}" is not a valid regular expression (${reason})`);
		this.name = 'InvalidPatternError';
	}
}

const LITERAL = /^\/([\s\S]+)\/([a-z]*)$/;

/**
 * Compiles a user pattern. It may be written as a plain source (`code: (\d{6})`) or as a
 * literal with flags (`/code: ([a-z0-9]{6})/i`). "g" and "y" are dropped: the pattern is
 * used to find the first match. Throws InvalidPatternError with the engine's reason.
 */
export function compileUserPattern(pattern: string, field: string): RegExp {
	const trimmed = pattern.trim();
	const literal = LITERAL.exec(trimmed);
	const source = literal === null ? trimmed : literal[1];
	const flags = literal === null ? '' : literal[2].replace(/[gy]/g, '');
	let reason = '';
	try {
		return new RegExp(source, flags);
	} catch (error) {
		reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
	}
	throw new InvalidPatternError(field, pattern, reason);
}
