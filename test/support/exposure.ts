/**
 * Everything of an error, output or log a user or an operator could see, as one string:
 * every own property (enumerable or not, so `message`, `stack`, `description`, `cause`,
 * `errorResponse`, `context`, `messages`), nested objects, arrays and causes, cycle-safe.
 * Tests search it for the API key.
 */
export function exposedText(...values: unknown[]): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const walk = (value: unknown, depth: number) => {
		if (depth > 40) return;
		if (typeof value === 'string') {
			parts.push(value);
			return;
		}
		if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
			parts.push(String(value));
			return;
		}
		if (value === null || typeof value !== 'object' || seen.has(value)) return;
		seen.add(value);
		if (ArrayBuffer.isView(value)) {
			parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'));
			return;
		}
		for (const key of Object.getOwnPropertyNames(value)) {
			parts.push(key);
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			walk(child, depth + 1);
		}
	};
	for (const value of values) walk(value, 0);
	return parts.join('\n');
}

/**
 * The forms of a key that would give it away: itself, as a Bearer header, base64 of
 * either, and any 8 characters of its secret part (a preview cut through the key).
 */
export function secretForms(key: string): string[] {
	const secret = key.replace(/^tm_(live|test)_/, '');
	const fragments = Array.from({ length: Math.max(0, secret.length - 7) }, (_, i) =>
		secret.slice(i, i + 8),
	);
	return [
		key,
		`Bearer ${key}`,
		Buffer.from(key).toString('base64'),
		Buffer.from(`Bearer ${key}`).toString('base64'),
		...fragments,
	];
}

/** The forms of `key` found in `text` (none expected). */
export function leakedForms(text: string, key: string): string[] {
	return secretForms(key).filter((form) => text.includes(form));
}
