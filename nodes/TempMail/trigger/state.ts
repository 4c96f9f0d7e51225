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
	/**
	 * Messages held back because an attachment failed transiently: id → polls that failed
	 * so far. Only held messages are listed, so it stays small.
	 */
	attachmentRetries?: Record<string, number>;
}

/**
 * Polls in a row a message is held back for while one of its attachments fails
 * transiently (each poll's download already retried by the request's retry policy);
 * at the last one it is emitted without that file, named in `attachmentErrors`.
 */
export const ATTACHMENT_POLLS = 3;

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

function readRetries(raw: unknown): Record<string, number> | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const entries = Object.entries(raw).filter(
		(entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] > 0,
	);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Reads the state, ignoring anything malformed (a corrupted entry becomes a fresh start, not a crash). */
export function readState(staticData: IDataObject): TriggerState {
	const raw = staticData.mailboxes;
	const mailboxes: Record<string, MailboxState> = {};
	if (typeof raw === 'object' && raw !== null) {
		for (const [email, value] of Object.entries(raw)) {
			if (isMailboxState(value)) {
				mailboxes[email] = { ids: [...value.ids], polledAt: value.polledAt };
				const retries = readRetries(value.attachmentRetries);
				if (retries) mailboxes[email].attachmentRetries = retries;
			}
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
