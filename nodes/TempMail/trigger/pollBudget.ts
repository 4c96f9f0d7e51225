import type { IPollFunctions } from 'n8n-workflow';

/**
 * How long a poll may keep fetching. n8n 2.41+ tells a poll how long it has before the
 * engine abandons it (`getPollBudgetMs()`; older versions lack it and abandon nothing).
 * A poll stops starting new messages once this share of the budget is spent: the rest
 * covers the message being fetched and n8n's own work after the poll. Messages left
 * over stay new and come with the next poll.
 */
const FETCH_SHARE = 0.8;

/** Without a budget from n8n: how long a poll waits for an earlier one of its trigger. */
export const WAIT_WITHOUT_BUDGET_MS = 60_000;

export interface PollBudget {
	/** Whether there is time to start fetching another message. */
	left(): boolean;
	/** Milliseconds until the poll should stop fetching. */
	remainingMs(): number;
	/** Whether the whole budget is spent: n8n may have abandoned the poll and dropped its result. */
	spent(): boolean;
}

export function pollBudget(ctx: IPollFunctions, startedAt = Date.now()): PollBudget {
	// Typed since n8n 2.41; absent at run time in older n8n.
	const getBudget = (ctx as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs;
	const budgetMs = typeof getBudget === 'function' ? getBudget.call(ctx) : undefined;
	if (typeof budgetMs !== 'number' || !(budgetMs > 0)) {
		return { left: () => true, remainingMs: () => WAIT_WITHOUT_BUDGET_MS, spent: () => false };
	}
	const deadline = startedAt + budgetMs * FETCH_SHARE;
	return {
		left: () => Date.now() < deadline,
		remainingMs: () => Math.max(0, deadline - Date.now()),
		spent: () => Date.now() > startedAt + budgetMs,
	};
}
