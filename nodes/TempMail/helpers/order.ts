import type { ApiMessage } from '../transport/types';

/** "YYYY-MM-DD HH:mm:ss" (UTC, no zone) → epoch ms, or NaN. */
export function receivedAtMs(message: ApiMessage): number {
	const match = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(message.receivedAt);
	if (!match) return Number.NaN;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Oldest first. The API lists newest first, so among equal or unreadable
 * `receivedAt` values the reversed listing order is the best guess of arrival.
 */
export function oldestFirst(messages: ApiMessage[]): ApiMessage[] {
	const arrival = [...messages].reverse();
	return arrival
		.map((message, index) => ({ message, index, at: receivedAtMs(message) }))
		.sort((a, b) => {
			if (Number.isNaN(a.at) || Number.isNaN(b.at) || a.at === b.at) return a.index - b.index;
			return a.at - b.at;
		})
		.map(({ message }) => message);
}
