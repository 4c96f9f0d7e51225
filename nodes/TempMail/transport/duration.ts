/** "45 s", "12 min 5 s", "3 h 20 min", "30 days 17 h": a wait as a person reads it. */
export function readableDuration(seconds: number): string {
	const s = Math.max(0, Math.ceil(seconds));
	if (s < 60) return `${s} s`;
	const parts = (big: number, bigUnit: string, small: number, smallUnit: string) =>
		small > 0 ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`;
	if (s < 3600) return parts(Math.floor(s / 60), 'min', s % 60, 's');
	if (s < 86400) return parts(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
	const days = Math.floor(s / 86400);
	return parts(days, days === 1 ? 'day' : 'days', Math.floor((s % 86400) / 3600), 'h');
}

/** An instant as "2026-12-31 10:00 UTC" (minutes are enough for a wait). */
export function readableInstant(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
