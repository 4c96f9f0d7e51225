import type { INodeParameters } from 'n8n-workflow';

import { HarnessCredentialsHelper } from '../../../harness';
import { useFastBackoff } from '../../../support/retries';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

/**
 * Request Options → Concurrency: items run side by side, at most Concurrency at once,
 * results in input order. The simulator's latency (60 ms, ample on a busy machine) keeps
 * requests in flight long enough for its maxInFlight counter to see the overlap.
 */
describe('Concurrency of per-item operations (engine, simulator)', () => {
	const fixture = useSimulator();
	useFastBackoff();

	beforeEach(async () => {
		await fixture.control.config({ latencyMs: 60 });
	});

	async function messages(f: SimulatorFixture, count: number): Promise<string[]> {
		const mailbox = await f.control.createMailbox();
		const ids: string[] = [];
		for (let i = 0; i < count; i++)
			ids.push((await f.control.deliver(mailbox.email, { subject: `m${i}` })).id);
		return ids;
	}

	const getEach = (ids: string[], requestOptions: INodeParameters = {}, continueOnFail = false) =>
		runTempMail(
			fixture,
			{
				resource: 'message',
				operation: 'get',
				messageId: '={{ $json.id }}',
				simplify: true,
				requestOptions,
			},
			{ inputItems: ids.map((id) => ({ json: { id } })), continueOnFail },
		);

	const getRequests = async () =>
		(await fixture.control.requests())
			.filter((r) => r.method === 'GET')
			.map((r) => r.segments?.at(-1));

	it('keeps input order and pairedItem when later items finish first', async () => {
		const ids = await messages(fixture, 12);
		// Item 2 answers last by far: the items after it finish before it.
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 300 },
			{ pathPrefix: `/api/messages/${ids[2]}` },
		);
		const run = await getEach(ids, { concurrency: 4 });
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.id)).toEqual(ids);
		expect(run.items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect((await fixture.control.stats()).maxInFlight).toBe(4);
	});

	it('never has more requests in flight than the setting, and exactly that many with enough work', async () => {
		const ids = await messages(fixture, 40);
		for (const concurrency of [3, 7]) {
			await fixture.control.clearRequests();
			const run = await getEach(ids, { concurrency });
			expect(run.items).toHaveLength(40);
			const stats = await fixture.control.stats();
			expect(stats.maxInFlight).toBe(concurrency);
			expect(stats.requests).toBe(40);
		}
	});

	it('runs 20 items at once by default, and one after another with Concurrency 1', async () => {
		const ids = await messages(fixture, 45);
		await getEach(ids);
		expect((await fixture.control.stats()).maxInFlight).toBe(20);

		await fixture.control.clearRequests();
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 100 },
			{ pathPrefix: `/api/messages/${ids[1]}` },
		);
		const run = await getEach(ids, { concurrency: 1 });
		expect(run.items.map((i) => i.json.id)).toEqual(ids);
		expect((await fixture.control.stats()).maxInFlight).toBe(1);
		expect(await getRequests()).toEqual(ids);
	});

	it('with Continue On Fail, each failing item among concurrent ones becomes its own error item', async () => {
		const ids = await messages(fixture, 10);
		const input = ids.map((id, i) => (i % 3 === 1 ? `missing-${i}` : id));
		const run = await getEach(input, { concurrency: 5 }, true);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.id ?? i.json.error)).toEqual(
			input.map((id) => (id.startsWith('missing-') ? `Message ${id} not found` : id)),
		);
		expect(run.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect((await fixture.control.stats()).maxInFlight).toBe(5);
	});

	it("without Continue On Fail, fails with the first failing item's error, not the first to fail in time, and starts no more items", async () => {
		const ids = await messages(fixture, 30);
		const input = [...ids];
		input[2] = 'missing-2';
		input[3] = 'missing-3';
		// missing-2 answers after missing-3: the error must still be item 2's.
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 200 },
			{ pathPrefix: '/api/messages/missing-2' },
		);
		const error = expectError(await getEach(input, { concurrency: 4 }));
		expect(error.message).toBe('Message missing-2 not found');
		const requested = await getRequests();
		expect(requested).toContain('missing-3');
		// Items 1-4 were in flight together; after the failure only the free slots' items started.
		expect(requested.length).toBeLessThan(12);
	});

	it('sends nothing else when the first item fails (e.g. a wrong key), whatever the concurrency', async () => {
		const ids = await messages(fixture, 30);
		const run = await runTempMail(
			fixture,
			{
				resource: 'message',
				operation: 'get',
				messageId: '={{ $json.id }}',
				requestOptions: { concurrency: 10 },
			},
			{ inputItems: ids.map((id) => ({ json: { id } })), apiKey: 'not-a-key' },
		);
		expect(expectError(run).httpCode).toBe('401');
		expect((await fixture.control.stats()).requests).toBe(1);
	});

	it('still retries a failed request of one item while the others run', async () => {
		const ids = await messages(fixture, 20);
		await fixture.control.injectFaults(
			{ kind: 'status', status: 503 },
			{ pathPrefix: `/api/messages/${ids[5]}` },
		);
		await fixture.control.injectFaults(
			{ kind: 'drop' },
			{ pathPrefix: `/api/messages/${ids[11]}` },
		);
		const run = await getEach(ids, { concurrency: 6 });
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.id)).toEqual(ids);
		const requested = await getRequests();
		expect(requested).toHaveLength(22);
		expect(requested.filter((id) => id === ids[5] || id === ids[11])).toHaveLength(4);
		expect((await fixture.control.stats()).maxInFlight).toBe(6);
	});

	it('rejects a Concurrency that is not a whole number from 1 to 20, saying where to fix it', async () => {
		const ids = await messages(fixture, 2);
		for (const concurrency of [0, 2.5, 21]) {
			const error = expectError(await getEach(ids, { concurrency }));
			expect(error.message).toBe(
				`Concurrency: must be a whole number from 1 to 20, got ${concurrency}`,
			);
			expect(error.description).toBe("Fix the value under 'Request Options'.");
		}
		expect((await fixture.control.stats()).requests).toBe(0);
	});

	it('reads and decrypts the credentials once per request, not a second time inside n8n', async () => {
		const ids = await messages(fixture, 25);
		const reads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');
		try {
			const run = await getEach(ids);
			expect(run.items).toHaveLength(25);
			expect(reads).toHaveBeenCalledTimes(25);
		} finally {
			reads.mockRestore();
		}
	});
});
