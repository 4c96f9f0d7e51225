/**
 * The node's Concurrency as a bound on open requests: whoever runs requests side by side
 * (items in the router, messages of Get Many or a trigger poll) shares one set of slots, so
 * nested side-by-side work never has more than `limit` requests open at once. A request
 * holds its slot for each attempt (not while it waits to retry); a download holds it until
 * its body stream has closed, that is until the file is in n8n's binary store.
 */
export interface RequestSlots {
	readonly limit: number;
	/** Waits for a free slot; call the returned function once to give it back. */
	take(): Promise<() => void>;
}

export function requestSlots(limit: number): RequestSlots {
	let open = 0;
	const waiting: Array<() => void> = [];
	const giveBack = () => {
		const nextInLine = waiting.shift();
		// The slot passes straight to the next waiter, so `open` stays counted.
		if (nextInLine) nextInLine();
		else open--;
	};
	const releaser = () => {
		let given = false;
		return () => {
			if (given) return;
			given = true;
			giveBack();
		};
	};
	return {
		limit,
		async take() {
			if (open < limit) {
				open++;
				return releaser();
			}
			await new Promise<void>((resolve) => waiting.push(resolve));
			return releaser();
		},
	};
}
