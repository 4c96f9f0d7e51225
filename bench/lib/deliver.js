'use strict';
// Fills mailboxes through the simulator's control API, a few deliveries at a time.

/** Delivers one plain message per id (the same ids again after a Delete round); ids still there are kept. */
async function deliverMessages(control, email, ids, { parallel = 16 } = {}) {
	let next = 0;
	const worker = async () => {
		while (next < ids.length) {
			const id = ids[next++];
			try {
				await control.deliver(email, {
					id,
					subject: `Benchmark message ${id}`,
					content: 'A message for the benchmark.',
				});
			} catch (error) {
				// 409: a message with this id is still there (a Delete run stopped halfway), as wanted.
				if (error?.response?.status !== 409) throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
}

/** `count` message ids that never collide with the simulator's random 46-character ids. */
function messageIds(prefix, count) {
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
}

module.exports = { deliverMessages, messageIds };
