import * as v8 from 'node:v8';
import * as vm from 'node:vm';

import type { INodeExecutionData } from 'n8n-workflow';

import { recordReliability } from '../../../support/reliability';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';
import { itemsOf, pollTrigger } from '../../../support/trigger';

/**
 * Load: 10,000 items through Message → Get and Message → Delete, and one trigger poll
 * over 50 mailboxes of 1,000 messages, against the simulator with a little latency.
 * Nothing lost, nothing repeated, order and pairing kept. Memory and time are reported
 * in the README's Reliability table, not asserted (shared machines are noisy).
 */

// A real garbage collection before each heap reading, so garbage does not count.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapUsedAfterGc(): number {
	collectGarbage();
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** The simulator's state, filled in-process: 50,000 deliveries over HTTP would take most of the test. */
interface SimulatorState {
	deliver(email: string, spec: Record<string, unknown>): { id: string };
}

function fill(fixture: SimulatorFixture, email: string, prefix: string, count: number): string[] {
	const state = fixture.sim.state as unknown as SimulatorState;
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		ids.push(
			state.deliver(email, {
				id: `${prefix}${String(i).padStart(6, '0')}`,
				subject: `Load ${i}`,
				content: `Message ${i}`,
			}).id,
		);
	}
	return ids;
}

const inputFor = (ids: string[]): INodeExecutionData[] => ids.map((id) => ({ json: { id } }));

describe('load (engine, simulator with 1 ms latency)', () => {
	const fixture = useSimulator();

	beforeEach(async () => {
		await fixture.control.config({ latencyMs: 1 });
	});

	async function getEach(count: number) {
		const mailbox = await fixture.control.createMailbox();
		const ids = fill(fixture, mailbox.email, `g${count}-`, count);
		await fixture.control.clearRequests();
		const before = heapUsedAfterGc();
		const started = Date.now();
		const run = await runTempMail(
			fixture,
			{ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' },
			{ inputItems: inputFor(ids) },
		);
		const seconds = (Date.now() - started) / 1000;
		const retained = heapUsedAfterGc() - before;
		const outputBytes = Buffer.byteLength(JSON.stringify(run.items.map((item) => item.json)));
		return { ids, run, seconds, retained, outputBytes };
	}

	it('Message → Get over 1,000, 5,000 and 10,000 items: every item once, in order, paired; memory grows with the output only', async () => {
		const figures: string[] = [];
		for (const count of [1_000, 5_000, 10_000]) {
			const { ids, run, seconds, retained, outputBytes } = await getEach(count);
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.id)).toEqual(ids);
			expect(run.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
			const requests = (await fixture.control.requests()).filter(
				(r) => r.method === 'GET' && r.rawPath.startsWith('/api/messages/'),
			);
			expect(requests).toHaveLength(count);
			expect(new Set(requests.map((r) => r.rawPath)).size).toBe(count);
			figures.push(
				`${count.toLocaleString('en-US')}: ${seconds.toFixed(1)} s, heap +${mb(retained)} (with the simulator's request log) for ${mb(outputBytes)} of output JSON, ${(retained / count / 1024).toFixed(1)} KB/item`,
			);
			// Let the run and its output go before the next size.
			run.items.length = 0;
		}
		recordReliability({
			area: 'Load',
			case: '10,000 items: Message → Get',
			// The heap figures include the simulator's request log: it runs in the same process.
			result: `every item once, input order and pairedItem kept; ${figures.join('; ')}`,
		});
	}, 600_000);

	it('Message → Delete over 10,000 items: each message deleted exactly once, nothing left', async () => {
		const mailbox = await fixture.control.createMailbox();
		const ids = fill(fixture, mailbox.email, 'd-', 10_000);
		await fixture.control.clearRequests();
		const before = heapUsedAfterGc();
		const started = Date.now();
		const run = await runTempMail(
			fixture,
			{ resource: 'message', operation: 'delete', messageId: '={{ $json.id }}' },
			{ inputItems: inputFor(ids) },
		);
		const seconds = (Date.now() - started) / 1000;
		const retained = heapUsedAfterGc() - before;
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(10_000);
		expect(run.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		const deletes = (await fixture.control.requests()).filter((r) => r.method === 'DELETE');
		expect(deletes).toHaveLength(10_000);
		expect(new Set(deletes.map((r) => r.rawPath)).size).toBe(10_000);
		const left = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
		});
		expect(left.items.filter((item) => item.json.id !== undefined)).toEqual([]);
		recordReliability({
			area: 'Load',
			case: '10,000 items: Message → Delete',
			result: `each deleted once, none left; ${seconds.toFixed(1)} s, heap +${mb(retained)} after the run`,
		});
	}, 600_000);

	it('Temp Mail Trigger: one poll over 50 mailboxes of 1,000 messages emits 50,000 items once each', async () => {
		const emails: string[] = [];
		const all: string[] = [];
		for (let m = 0; m < 50; m++) {
			const { email } = await fixture.control.createMailbox();
			emails.push(email);
			all.push(...fill(fixture, email, `t${m}-`, 1_000));
		}
		const session = { staticData: {} };
		const parameters = { mailboxes: emails.join(', '), options: { emitExisting: true } };
		await fixture.control.clearRequests();
		const started = Date.now();
		const first = itemsOf(await pollTrigger(fixture, session, parameters));
		const pollSeconds = (Date.now() - started) / 1000;
		const stateBytes = Buffer.byteLength(JSON.stringify(session.staticData));

		expect(first).toHaveLength(50_000);
		expect(new Set(first.map((item) => item.json.id)).size).toBe(50_000);
		expect([...first.map((item) => String(item.json.id))].sort()).toEqual([...all].sort());
		expect(
			(await fixture.control.requests()).filter((r) => r.rawPath.startsWith('/api/messages')),
		).toHaveLength(50);

		expect(itemsOf(await pollTrigger(fixture, session, parameters))).toEqual([]);
		const state = fixture.sim.state as unknown as SimulatorState;
		const fresh = emails.map((email, m) => state.deliver(email, { subject: `New ${m}` }).id);
		const third = itemsOf(await pollTrigger(fixture, session, parameters));
		expect(third.map((item) => String(item.json.id)).sort()).toEqual([...fresh].sort());
		recordReliability({
			area: 'Load',
			case: 'Trigger: 50 mailboxes × 1,000 messages, one poll',
			result: `50,000 items once each (50 requests), next poll none, then only the 50 new; poll ${pollSeconds.toFixed(1)} s, state ${stateBytes.toLocaleString('en-US')} bytes`,
		});
	}, 600_000);
});
