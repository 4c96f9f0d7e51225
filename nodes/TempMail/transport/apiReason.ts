/**
 * The reason an API error body gives, whatever its shape. The documentation shows only
 * `{status: false, message}`; APIs commonly also answer `{status: false, errors: {field:
 * [reasons]}}`, `{message, errors: {...}}`, `{message}` or `{error}` (a text or
 * `{message}`), and a validation error is only useful if it names the field and the reason.
 */

export interface ApiReason {
	/** One line for the user, e.g. `username: The username has already been taken.` */
	text: string;
	/** The fields named by an `errors` object, in its order. */
	fields: string[];
}

const LIMIT = 300;

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

function reasonsOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(reasonsOf);
	const text = textOf(value);
	if (text) return [text];
	if (typeof value === 'object' && value !== null) {
		const message = textOf((value as { message?: unknown }).message);
		return message ? [message] : [];
	}
	return [];
}

/** `{field: [reasons]}` (or `{field: reason}`), as validation answers list them. */
function fieldErrors(errors: unknown): { text: string; fields: string[] } | undefined {
	if (typeof errors !== 'object' || errors === null) return undefined;
	if (Array.isArray(errors)) {
		const reasons = reasonsOf(errors);
		return reasons.length ? { text: reasons.join('; '), fields: [] } : undefined;
	}
	const parts: string[] = [];
	const fields: string[] = [];
	for (const [field, value] of Object.entries(errors)) {
		const reasons = reasonsOf(value);
		if (reasons.length === 0) continue;
		fields.push(field);
		// A reason that already names its field ("The username field is required.") stands alone.
		const joined = reasons.join(' ');
		parts.push(joined.toLowerCase().includes(field.toLowerCase()) ? joined : `${field}: ${joined}`);
	}
	return parts.length ? { text: parts.join('; '), fields } : undefined;
}

/** A generic headline that `errors` explains better ("The given data was invalid."). */
function isGeneric(message: string): boolean {
	return /^(the given data was invalid|validation (failed|error)|unprocessable( entity)?)\.?$/i.test(
		message,
	);
}

export function apiReasonOf(body: unknown): ApiReason | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	const message = textOf(record.message);
	const details = fieldErrors(record.errors);
	const error = reasonsOf(record.error)[0];
	let text: string | undefined;
	if (details && message && !isGeneric(message) && !details.text.includes(message))
		text = `${message} (${details.text})`;
	else text = details?.text ?? message ?? error;
	if (!text) return undefined;
	return { text: text.slice(0, LIMIT), fields: details?.fields ?? [] };
}
