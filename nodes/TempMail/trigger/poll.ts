import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { BinaryCall } from '../helpers/attachments';
import { messagePredicate } from '../helpers/filters';
import type { MessageFilters, MessagePredicate } from '../helpers/filters';
import {
	buildMessageItems,
	buildMessageItemsReport,
	messageOutputOptions,
} from '../helpers/messageOutput';
import type { MessageOutputOptions } from '../helpers/messageOutput';
import { newestOf } from '../helpers/order';
import { runPool } from '../helpers/pool';
import { concurrencyFrom, retrySettingsFrom } from '../helpers/requestOptions';
import { mailboxAddress } from '../helpers/validate';
import { REQUEST_OPTIONS_PARAMETER } from '../shared/descriptions';
import type { MessageOptions } from '../shared/descriptions';
import { listMessages } from '../transport/endpoints';
import { failureOf } from '../transport/failure';
import { readQuota } from '../transport/quota';
import { requestSlots } from '../transport/slots';
import type { Quota } from '../transport/quota';
import { detectNewMessages } from './newMessages';
import { pollBudget } from './pollBudget';
import type { PollBudget } from './pollBudget';
import { newestState, oneAtATime, rememberState, triggerKey } from './pollGuard';
import { QUOTA_WARNING_INTERVAL_MS, quotaWarning } from './quotaWatch';
import { ATTACHMENT_POLLS, readState, writeState } from './state';
import type { MailboxState, TriggerState } from './state';

interface TriggerSettings {
	/** The API call of this poll, with Request Options resolved once. */
	call: BinaryCall;
	mailboxes: string[];
	accept: MessagePredicate;
	output: MessageOutputOptions;
	emitExisting: boolean;
}

/** "a@x, b@y" or ["a@x", "b@y"] (from an expression) → validated, de-duplicated addresses. */
function parseMailboxList(ctx: IPollFunctions, raw: unknown): string[] {
	const parts = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\n,;]+/);
	const addresses = parts.map((part) => part.trim()).filter((part) => part !== '');
	if (addresses.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Mailbox Addresses: give at least one mailbox address',
			{
				description:
					'Use the "email" output of Temp Mail → Mailbox → Create, e.g. name@example.com.',
			},
		);
	}
	return [
		...new Set(
			addresses.map((address) => mailboxAddress(ctx.getNode(), address, 0, 'Mailbox Addresses')),
		),
	];
}

function readSettings(ctx: IPollFunctions): TriggerSettings {
	const options = ctx.getNodeParameter('options', {}) as MessageOptions & {
		emitExisting?: boolean;
	};
	const accept = messagePredicate(
		ctx.getNode(),
		ctx.getNodeParameter('filters', {}) as MessageFilters,
	);
	const requestOptions = ctx.getNodeParameter(REQUEST_OPTIONS_PARAMETER, {});
	const retry = retrySettingsFrom(ctx.getNode(), requestOptions);
	// New messages of a poll are built side by side, never more than Concurrency requests open.
	const slots = requestSlots(concurrencyFrom(ctx.getNode(), requestOptions));
	return {
		call: { ctx, retry, slots },
		mailboxes: parseMailboxList(ctx, ctx.getNodeParameter('mailboxes')),
		accept,
		output: messageOutputOptions(
			ctx.getNode(),
			ctx.getNodeParameter('simplify', true) as boolean,
			options,
		),
		emitExisting: options.emitExisting === true,
	};
}

interface MailboxResult {
	email: string;
	items: INodeExecutionData[];
	next: MailboxState;
	quota: Quota;
	calls: number;
}

/**
 * One list request, then attachment downloads only for emitted messages that need them.
 * A message whose attachment failed transiently is held back (its id left out of the
 * state, so the next poll sees it as new) for up to ATTACHMENT_POLLS polls; a permanent
 * failure, or the last of those polls, emits it without that file. Either way the other
 * messages are emitted and the state advances: one bad attachment never stalls a mailbox.
 * Messages not fetched before the poll's budget runs out stay new for the next poll.
 */
async function pollMailbox(
	email: string,
	previous: MailboxState | undefined,
	settings: TriggerSettings,
	now: number,
	budget: PollBudget,
): Promise<MailboxResult> {
	const listing = await listMessages(settings.call, email);
	const { fresh, nextIds } = detectNewMessages(
		previous?.ids,
		listing.data.messages,
		settings.emitExisting,
	);
	const emitted = fresh.filter(settings.accept);
	// Side by side (bounded by the poll's request slots), handled below in the order
	// detected. Once the poll's budget has run out, a message not yet started waits for the
	// next poll; the first always runs, so a slow mailbox still makes progress.
	const reports = await runPool(emitted.length, settings.call.slots?.limit ?? 1, async (index) =>
		index > 0 && !budget.left()
			? undefined
			: await buildMessageItemsReport(settings.call, emitted[index], settings.output),
	);
	const items: INodeExecutionData[] = [];
	const held: Record<string, number> = {};
	const later = new Set<string>();
	let calls = 1;
	for (const [index, message] of emitted.entries()) {
		const report = reports[index];
		if (report === undefined) {
			later.add(message.id);
			continue;
		}
		calls += report.downloads;
		const failedPolls = (previous?.attachmentRetries?.[message.id] ?? 0) + 1;
		if (report.failures.some((failure) => failure.transient) && failedPolls < ATTACHMENT_POLLS) {
			held[message.id] = failedPolls;
			continue;
		}
		items.push(...report.items);
	}
	const next: MailboxState = {
		ids: nextIds.filter((id) => !(id in held) && !later.has(id)),
		polledAt: now,
	};
	if (Object.keys(held).length > 0) next.attachmentRetries = held;
	return {
		email,
		items,
		next,
		quota: readQuota(listing.headers),
		calls,
	};
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * One error naming every failing mailbox and why, in its message (n8n shows the message
 * first, often alone). A lone failure keeps its own error (and description) with the
 * mailbox put in front when its message does not name it.
 */
function combinedError(
	ctx: IPollFunctions,
	failures: Array<{ email: string; error: unknown }>,
): Error {
	if (failures.length === 1) {
		const { email, error } = failures[0];
		if (error instanceof NodeApiError || error instanceof NodeOperationError) {
			if (failureOf(error).statusCode === 404) {
				error.description =
					`The mailbox ${email} expired or was deleted. Update the ` +
					`trigger's Mailbox Addresses (create a new mailbox with Temp Mail → Mailbox → Create).`;
			}
			if (!error.message.includes(email))
				error.message = `Temp Mail Trigger could not poll ${email}: ${error.message}`;
			return error;
		}
	}
	const list = failures.map(({ email, error }) => `${email} (${reasonOf(error)})`).join('; ');
	const count = failures.length === 1 ? '' : `${failures.length} mailboxes: `;
	return new NodeOperationError(ctx.getNode(), `Temp Mail Trigger could not poll ${count}${list}`, {
		description: failures.map(({ email, error }) => `${email}: ${reasonOf(error)}`).join('\n'),
	});
}

/**
 * The poll rate is the larger of the last two gaps between polls: n8n's first
 * scheduled poll can come seconds after the activation poll, and one short
 * gap must not raise a false alarm.
 */
function warnAboutQuota(
	ctx: IPollFunctions,
	state: TriggerState,
	results: MailboxResult[],
	previous: Record<string, MailboxState>,
	now: number,
) {
	const last = results
		.map((r) => previous[r.email]?.polledAt)
		.filter((at): at is number => at !== undefined);
	if (last.length === 0 || results.length === 0) return;
	const gapMs = now - Math.max(...last);
	const earlierGapMs = state.lastIntervalMs;
	state.lastIntervalMs = gapMs;
	if (earlierGapMs === undefined) return;
	const calls = results.reduce((sum, r) => sum + r.calls, 0);
	const quota = results[results.length - 1].quota;
	const warning = quotaWarning(quota, now, Math.max(gapMs, earlierGapMs), calls);
	if (
		warning &&
		(state.quotaWarnedAt === undefined || now - state.quotaWarnedAt >= QUOTA_WARNING_INTERVAL_MS)
	) {
		ctx.logger.warn(warning, { node: ctx.getNode().name });
		state.quotaWarnedAt = now;
	}
}

/** Manual "Fetch Test Event": the newest message across the mailboxes; state untouched. */
async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][]> {
	const all = [];
	for (const email of settings.mailboxes)
		all.push(...(await listMessages(settings.call, email)).data.messages);
	const newest = newestOf(all.filter(settings.accept));
	if (!newest) {
		const where = settings.mailboxes.join(', ');
		throw new NodeOperationError(
			ctx.getNode(),
			`No ${all.length ? 'matching ' : ''}messages in ${where} yet`,
			{
				description:
					'Send an email to the mailbox (or relax the filters), then click "Fetch Test Event" again.',
			},
		);
	}
	return [await buildMessageItems(settings.call, newest, settings.output)];
}

/**
 * A poll: each mailbox on its own. A mailbox's state advances only after all
 * of its new messages are built; a failing mailbox keeps its old state, so
 * the next good poll emits everything it missed. Healthy mailboxes are never
 * held back by a failing one: their items are returned and the failure is
 * reported to n8n as a failed execution (__emitError) — or thrown when
 * nothing else would run, which n8n reports the same way and which stops an
 * activation with a broken address.
 */
export async function pollNewMessages(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(ctx);
	if (ctx.getMode() === 'manual') return await fetchTestEvent(ctx, settings);
	// Polls of one trigger never overlap in this process (see pollGuard); one that cannot
	// start within its budget changes nothing.
	const budget = pollBudget(ctx);
	const key = triggerKey(ctx);
	const polled = await oneAtATime(
		key,
		budget.remainingMs(),
		async () => await pollMailboxes(ctx, settings, key, budget),
	);
	return polled ? polled.value : null;
}

async function pollMailboxes(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	key: string,
	budget: PollBudget,
): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node') as IDataObject;
	const state = newestState(key, readState(staticData));
	const now = Date.now();
	const results: MailboxResult[] = [];
	const failures: Array<{ email: string; error: unknown }> = [];
	for (const email of settings.mailboxes) {
		// Out of time: the remaining mailboxes keep their state and come next poll.
		if (results.length > 0 && !budget.left()) break;
		try {
			results.push(await pollMailbox(email, state.mailboxes[email], settings, now, budget));
		} catch (error) {
			failures.push({ email, error });
		}
	}

	const next: TriggerState = {
		mailboxes: {},
		quotaWarnedAt: state.quotaWarnedAt,
		lastIntervalMs: state.lastIntervalMs,
	};
	for (const email of settings.mailboxes) {
		const result = results.find((r) => r.email === email);
		const kept = result ? result.next : state.mailboxes[email];
		if (kept) next.mailboxes[email] = kept;
	}
	warnAboutQuota(ctx, next, results, state.mailboxes, now);

	const items = results.flatMap((r) => r.items);
	const firstPollOfFailing = failures.some(({ email }) => state.mailboxes[email] === undefined);
	if (failures.length > 0 && (items.length === 0 || firstPollOfFailing)) {
		// Nothing is committed: n8n drops the staged state of a poll that throws.
		throw combinedError(ctx, failures);
	}
	writeState(staticData, next);
	// A poll n8n may have abandoned is not remembered: n8n drops its result.
	if (!budget.spent()) rememberState(key, next);
	if (failures.length > 0) ctx.__emitError(combinedError(ctx, failures));
	return items.length > 0 ? [items] : null;
}
