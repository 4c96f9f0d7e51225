import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between polls, in workflow static data (JSON,
 * persisted by n8n, shared by main and workers in queue mode).
 * Per mailbox: the ids listed at the last successful poll. Ids that are no
 * longer listed are dropped, so the state never outgrows the mailboxes.
 */
export interface MailboxState {
	ids: string[];
	polledAt: number;
}

export interface TriggerState {
	mailboxes: Record<string, MailboxState>;
	quotaWarnedAt?: number;
	/** The gap between the two previous polls: the poll rate needs two gaps (see quota watch). */
	lastIntervalMs?: number;
}

function isMailboxState(value: unknown): value is MailboxState {
	if (typeof value !== 'object' || value === null) return false;
	const { ids, polledAt } = value as Partial<MailboxState>;
	return (
		Array.isArray(ids) && ids.every((id) => typeof id === 'string') && typeof polledAt === 'number'
	);
}

/** Reads the state, ignoring anything malformed (a corrupted entry becomes a fresh start, not a crash). */
export function readState(staticData: IDataObject): TriggerState {
	const raw = staticData.mailboxes;
	const mailboxes: Record<string, MailboxState> = {};
	if (typeof raw === 'object' && raw !== null) {
		for (const [email, value] of Object.entries(raw)) {
			if (isMailboxState(value))
				mailboxes[email] = { ids: [...value.ids], polledAt: value.polledAt };
		}
	}
	const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
	return {
		mailboxes,
		quotaWarnedAt: number(staticData.quotaWarnedAt),
		lastIntervalMs: number(staticData.lastIntervalMs),
	};
}

/** Replaces the stored state in place (n8n persists the static data object it handed out). */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	staticData.mailboxes = state.mailboxes as unknown as IDataObject;
	if (state.quotaWarnedAt !== undefined) staticData.quotaWarnedAt = state.quotaWarnedAt;
	if (state.lastIntervalMs !== undefined) staticData.lastIntervalMs = state.lastIntervalMs;
}
