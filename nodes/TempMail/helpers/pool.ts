/**
 * A tiny promise pool (the package has no runtime dependencies, so no p-limit):
 * runs task(0) … task(count - 1) with at most `limit` of them pending at once and
 * returns their results in index order, whatever order they finish in.
 *
 * After a task fails no new task starts; the ones already running are awaited (their
 * requests are in flight and cannot be taken back), then the error of the failed task
 * with the lowest index is thrown, as a sequential loop would have thrown it.
 */
export async function runPool<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	// An object, so TypeScript does not narrow it across the awaits below.
	const failure: { index: number; error?: unknown } = { index: -1 };

	async function worker(): Promise<void> {
		while (failure.index === -1 && next < count) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				if (failure.index === -1 || index < failure.index) {
					failure.index = index;
					failure.error = error;
				}
			}
		}
	}

	const workers = Math.max(1, Math.min(Math.floor(limit), count));
	await Promise.all(Array.from({ length: workers }, async () => await worker()));
	if (failure.index !== -1) {
		const { error } = failure;
		throw error;
	}
	return results;
}
