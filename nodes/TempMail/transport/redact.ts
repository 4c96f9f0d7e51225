/**
 * Removes the API key from everything an error carries that n8n shows, stores in the
 * execution or logs: message, description, `errorResponse` (an API body may quote the
 * key back), `messages`, `context` and any `cause`. Strings are scrubbed in place,
 * objects and arrays walked once each; the node (its parameters) is left alone.
 */
const SKIPPED_FIELDS = new Set(['node']);

export function redact<T extends Error>(error: T, secret: string): T {
	if (secret.length < 4) return error;
	const seen = new Set<object>();
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string') return value.split(secret).join('***');
		// Byte buffers hold no text to scrub, and walking them index by index would be slow.
		if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return value;
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
