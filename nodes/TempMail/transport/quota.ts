import type { IDataObject } from 'n8n-workflow';

export interface Quota {
	limit: number | null;
	used: number | null;
	remaining: number | null;
	/** ISO-8601 as sent by the API (with its offset), or null when absent. */
	resetAt: string | null;
}

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name.toLowerCase()] ?? headers[name];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function toCount(value: string | undefined): number | null {
	if (value === undefined || value.trim() === '') return null;
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/** Reads the X-RateLimit-* headers the API puts on every response. */
export function readQuota(headers: IDataObject | undefined): Quota {
	const h = headers ?? {};
	const reset = header(h, 'x-ratelimit-reset');
	const resetValid = reset !== undefined && !Number.isNaN(Date.parse(reset));
	return {
		limit: toCount(header(h, 'x-ratelimit-limit')),
		used: toCount(header(h, 'x-ratelimit-used')),
		remaining: toCount(header(h, 'x-ratelimit-remaining')),
		resetAt: resetValid ? reset : null,
	};
}

/** Seconds to wait before retrying a 429: Retry-After (seconds or HTTP date), else null. */
export function readRetryAfterSeconds(
	headers: IDataObject | undefined,
	now = Date.now(),
): number | null {
	const value = header(headers ?? {}, 'retry-after');
	if (value === undefined) return null;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const date = Date.parse(value);
	return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
