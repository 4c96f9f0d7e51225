import type { Quota } from '../transport/quota';

export const QUOTA_WARNING_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Warns when the remaining calls would run out before the quota resets at
 * the current poll rate (`callsPerPoll` every `intervalMs`). Returns the
 * warning text, or null when the quota lasts or the headers are missing.
 */
export function quotaWarning(
	quota: Quota,
	now: number,
	intervalMs: number,
	callsPerPoll: number,
): string | null {
	if (quota.remaining === null || quota.resetAt === null || intervalMs <= 0 || callsPerPoll <= 0)
		return null;
	const untilReset = Date.parse(quota.resetAt) - now;
	if (!(untilReset > 0)) return null;
	const needed = Math.ceil(untilReset / intervalMs) * callsPerPoll;
	if (needed <= quota.remaining) return null;
	const lastsMs = (quota.remaining / callsPerPoll) * intervalMs;
	const lastsHours = Math.max(0, Math.floor(lastsMs / 3_600_000));
	return (
		`Temp Mail quota: ${quota.remaining} calls remain until ${quota.resetAt}, but polling every ` +
		`${Math.round(intervalMs / 1000)} s with ${callsPerPoll} call(s) per poll needs about ${needed}. ` +
		`At this rate the quota runs out in about ${lastsHours} h. Poll less often or watch fewer mailboxes.`
	);
}
