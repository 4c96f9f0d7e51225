/** Progress lines for the slow real-n8n tests, so CI logs show where the minutes go. */
export function progressReporter(prefix: string) {
	const report = (line: string) => {
		process.stdout.write(`[${prefix}] ${line}\n`);
	};
	/** Runs a step and reports how long it took, whether it passed or failed. */
	const timedStep = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			report(`${label}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
		}
	};
	return { report, timedStep };
}
