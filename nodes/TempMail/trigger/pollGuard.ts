import { sleep } from 'n8n-workflow';
import type { IPollFunctions } from 'n8n-workflow';

import type { MailboxState, TriggerState } from './state';

/**
 * A safety net in the n8n process beside the state in static data, never instead of it.
 *
 * n8n's durable scheduler (2.41+, opt-in; default from 2.45) runs each poll time of a
 * trigger as its own job, each from the state stored in the database: after a restart the
 * overdue polls of several jobs run at the same moment from the same stored state, and
 * with durable cursors the activation poll's state is never stored. Here, per trigger
 * (workflow id + node id), polls run one after another, and each one starts from whichever
 * is newer per mailbox: the stored state, or the state the last poll in this process
 * handed to n8n. A poll that starts from a stored state another poll already moved past
 * thus emits nothing twice, and the first scheduled poll after activation starts from the
 * activation poll's state. A restart clears this memory: then the stored state decides.
 */

interface TriggerMemory {
	/** Settles when the newest poll of this trigger that has started is done. */
	tail: Promise<void>;
	/** Polls of this trigger started and not yet done. */
	running: number;
	/** The state the last successful poll in this process returned, per mailbox. */
	mailboxes: Record<string, MailboxState>;
}

/** Workflows come and go; a deleted workflow's trigger is forgotten after this many others. */
const MAX_TRIGGERS = 2_000;
const memory = new Map<string, TriggerMemory>();

export function triggerKey(ctx: IPollFunctions): string {
	const node = ctx.getNode();
	return `${String(ctx.getWorkflow().id ?? '')}\u0000${node.id ?? node.name}`;
}

function entryFor(key: string): TriggerMemory {
	let entry = memory.get(key);
	if (!entry) {
		entry = { tail: Promise.resolve(), running: 0, mailboxes: {} };
		memory.set(key, entry);
		if (memory.size > MAX_TRIGGERS) memory.delete(memory.keys().next().value as string);
	}
	return entry;
}

/**
 * Runs `poll` once every earlier poll of the same trigger in this process is done.
 * Gives up (returns `undefined`, nothing run) when they are not done within `maxWaitMs`:
 * a poll that changes nothing loses nothing, the next one catches up.
 */
export async function oneAtATime<T>(
	key: string,
	maxWaitMs: number,
	poll: () => Promise<T>,
): Promise<{ value: T } | undefined> {
	const entry = entryFor(key);
	const before = entry.tail;
	const busy = entry.running > 0;
	let done!: () => void;
	const mine = new Promise<void>((resolve) => (done = resolve));
	entry.tail = before.then(() => mine);
	entry.running++;
	try {
		// Only a poll that finds another one running waits (and only it starts a timer).
		if (busy) {
			const free = await Promise.race([
				before.then(() => true),
				sleep(maxWaitMs).then(() => false),
			]);
			if (!free) return undefined;
		}
		return { value: await poll() };
	} finally {
		entry.running--;
		done();
	}
}

/** Per mailbox, the newer of the stored state and the one remembered here. */
export function newestState(key: string, stored: TriggerState): TriggerState {
	const remembered = memory.get(key)?.mailboxes ?? {};
	const mailboxes: Record<string, MailboxState> = { ...stored.mailboxes };
	for (const [email, state] of Object.entries(remembered)) {
		const own = mailboxes[email];
		if (own === undefined || own.polledAt < state.polledAt) {
			// Ids listed by either are known: stored ones may still be listed.
			const ids = own ? [...new Set([...state.ids, ...own.ids])] : [...state.ids];
			mailboxes[email] = { ids, polledAt: state.polledAt };
		}
	}
	return { ...stored, mailboxes };
}

/** Remembers the state a poll hands to n8n (mailboxes no longer watched are dropped). */
export function rememberState(key: string, state: TriggerState): void {
	const mailboxes: Record<string, MailboxState> = {};
	for (const [email, value] of Object.entries(state.mailboxes))
		mailboxes[email] = { ids: [...value.ids], polledAt: value.polledAt };
	entryFor(key).mailboxes = mailboxes;
}
