import type { ApiMessage } from '../transport/types';

/** "YYYY-MM-DD HH:mm:ss" (UTC, no zone) → epoch ms, or NaN. */
export function receivedAtMs(message: ApiMessage): number {
	const match = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(message.receivedAt);
	if (!match) return Number.NaN;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * The one arrival order every output uses. The documentation promises no
 * list order, and `receivedAt` has one-second resolution, so the API's order
 * is never trusted: older `receivedAt` first; equal stamps by id (plain
 * code-unit comparison), so the same messages always come out in the same
 * order whatever order the API listed them in; unreadable stamps after all
 * readable ones (as the newest), again by id.
 */
export function compareArrival(a: ApiMessage, b: ApiMessage): number {
	const at = receivedAtMs(a);
	const bt = receivedAtMs(b);
	const aKnown = !Number.isNaN(at);
	const bKnown = !Number.isNaN(bt);
	if (aKnown !== bKnown) return aKnown ? -1 : 1;
	if (aKnown && at !== bt) return at - bt;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first (the trigger's emission order). */
export function oldestFirst(messages: ApiMessage[]): ApiMessage[] {
	return [...messages].sort(compareArrival);
}

/** Newest first (Get Many's order, and what its Limit keeps). */
export function newestFirst(messages: ApiMessage[]): ApiMessage[] {
	return [...messages].sort((a, b) => compareArrival(b, a));
}

/** The newest of the messages, by the same rule. */
export function newestOf(messages: ApiMessage[]): ApiMessage | undefined {
	return newestFirst(messages)[0];
}
