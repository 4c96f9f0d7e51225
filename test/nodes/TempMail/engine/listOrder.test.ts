import { itemsOf, pollTrigger } from '../../../support/trigger';
import { runTempMail, useSimulator } from '../../../support/tempmail';

// The documentation states no list order and receivedAt has one-second resolution:
// whatever order the API lists in, the node's outputs must be the same.
const ORDERS = ['newest', 'oldest', 'shuffled'] as const;
const T0 = Date.parse('2026-11-24T10:00:00Z');

describe('list order is ours, not the API’s', () => {
	const fixture = useSimulator();

	async function mailboxOfFive() {
		const box = await fixture.control.createMailbox();
		// Two share a second; ids chosen so that id order differs from delivery order.
		const plan: Array<[string, number]> = [
			['m-3', T0],
			['m-1', T0 + 1000],
			['m-5', T0 + 2000],
			['m-2', T0 + 2000],
			['m-4', T0 + 3000],
		];
		for (const [id, at] of plan)
			await fixture.control.deliver(box.email, { id, subject: id, receivedAt: at });
		return box;
	}

	it.each(ORDERS)('Get Many with Limit 3 keeps the newest three (API order: %s)', async (order) => {
		const box = await mailboxOfFive();
		await fixture.control.variants({ order });
		for (let round = 0; round < 3; round++) {
			const run = await runTempMail(fixture, {
				resource: 'message',
				operation: 'getAll',
				email: box.email,
				returnAll: false,
				limit: 3,
			});
			expect(run.items.map((i) => i.json.id)).toEqual(['m-4', 'm-5', 'm-2']);
		}
	});

	it.each(ORDERS)(
		'the trigger emits oldest first, equal stamps by id (API order: %s)',
		async (order) => {
			const box = await fixture.control.createMailbox();
			const session = { staticData: {} };
			await fixture.control.variants({ order });
			expect(itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }))).toEqual([]);
			for (const [id, at] of [
				['z', T0],
				['b', T0],
				['y', T0 + 1000],
				['a', T0 + 1000],
			] as const)
				await fixture.control.deliver(box.email, { id, receivedAt: at });
			const items = itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }));
			expect(items.map((i) => i.json.id)).toEqual(['b', 'z', 'a', 'y']);
		},
	);

	it.each(ORDERS)(
		'Fetch Test Event and Wait For pick the same newest message (API order: %s)',
		async (order) => {
			const box = await fixture.control.createMailbox();
			await fixture.control.variants({ order, identicalStamps: true });
			for (const id of ['k', 'q', 'c']) await fixture.control.deliver(box.email, { id });
			const test = await pollTrigger(
				fixture,
				{ staticData: {} },
				{ mailboxes: box.email },
				'manual',
			);
			expect(itemsOf(test).map((i) => i.json.id)).toEqual(['q']);
			const wait = await runTempMail(fixture, {
				resource: 'message',
				operation: 'waitFor',
				email: box.email,
				timeout: 10,
				interval: 2,
				options: { acceptExisting: true },
			});
			expect(wait.items.map((i) => i.json.id)).toEqual(['q']);
		},
	);
});
