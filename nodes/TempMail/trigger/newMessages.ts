import { oldestFirst } from '../helpers/order';
import type { ApiMessage } from '../transport/types';

export interface Detection {
	/** Messages to emit, oldest first. */
	fresh: ApiMessage[];
	/** Ids to remember: exactly what the mailbox lists now. */
	nextIds: string[];
}

/**
 * New-message detection by id. `previousIds` undefined means the mailbox has
 * never been polled: its current messages are the baseline (emitted only
 * when the user asked for existing mail). Time is never the cursor: equal
 * `receivedAt` seconds are normal.
 */
export function detectNewMessages(
	previousIds: string[] | undefined,
	listing: ApiMessage[],
	emitExisting: boolean,
): Detection {
	const unique = new Map<string, ApiMessage>();
	for (const message of listing) if (!unique.has(message.id)) unique.set(message.id, message);
	const current = [...unique.values()];
	const nextIds = current.map((message) => message.id);
	if (previousIds === undefined) {
		return { fresh: emitExisting ? oldestFirst(current) : [], nextIds };
	}
	const known = new Set(previousIds);
	return { fresh: oldestFirst(current.filter((message) => !known.has(message.id))), nextIds };
}
