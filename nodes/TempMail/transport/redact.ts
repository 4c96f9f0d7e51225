/**
 * Removes the API key from everything an error carries that n8n shows, stores in the
 * execution or logs: message, description, `errorResponse` (an API body may quote the
 * key back), `messages`, `context` and any `cause`. Strings are scrubbed in place,
 * objects and arrays walked once each; the node (its parameters) is left alone.
 * The key's base64 forms (a Basic or Bearer header quoted back encoded) go too.
 */
const SKIPPED_FIELDS = new Set(['node']);
const MASK = '***';

/** The key and the encodings an API might quote it back in; none for a too short key. */
function formsOf(secret: string): string[] {
	if (secret.length < 4) return [];
	const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '');
	return [secret, base64(secret), base64(`Bearer ${secret}`)];
}

function scrubText(text: string, forms: string[]): string {
	let result = text;
	for (const form of forms) if (result.includes(form)) result = result.split(form).join(MASK);
	return result;
}

export function redact<T extends Error>(error: T, secret: string): T {
	const forms = formsOf(secret);
	if (forms.length === 0) return error;
	const seen = new Set<object>();
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string') return scrubText(value, forms);
		// Byte buffers hold no text to scrub, and walking them index by index would be slow.
		if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value))
			return value;
		seen.add(value);
		const record = value as Record<string, unknown>;
		for (const field of Object.getOwnPropertyNames(record)) {
			if (SKIPPED_FIELDS.has(field)) continue;
			const descriptor = Object.getOwnPropertyDescriptor(record, field);
			if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
			const scrubbed = scrub(descriptor.value);
			if (scrubbed !== descriptor.value) record[field] = scrubbed;
		}
		return value;
	};
	scrub(error);
	return error;
}

/**
 * A parsed API body with the key scrubbed from every string, before anything quotes,
 * previews or truncates it (a preview cut in the middle of the key would keep half of
 * it out of reach of redact()). Returns the same value when nothing was found; copies
 * only the arrays and objects on the way to a change.
 */
export function scrubBody<T>(body: T, secret: string): T {
	const forms = formsOf(secret);
	if (forms.length === 0) return body;
	const walk = (value: unknown, depth: number): unknown => {
		if (typeof value === 'string') return scrubText(value, forms);
		if (value === null || typeof value !== 'object' || depth > 64 || ArrayBuffer.isView(value))
			return value;
		if (Array.isArray(value)) {
			const items = value.map((entry) => walk(entry, depth + 1));
			return items.some((entry, index) => entry !== value[index]) ? items : value;
		}
		let copy: Record<string, unknown> | undefined;
		for (const [field, entry] of Object.entries(value as Record<string, unknown>)) {
			const scrubbed = walk(entry, depth + 1);
			if (scrubbed !== entry) {
				copy ??= { ...(value as Record<string, unknown>) };
				copy[field] = scrubbed;
			}
		}
		return copy ?? value;
	};
	return walk(body, 0) as T;
}
