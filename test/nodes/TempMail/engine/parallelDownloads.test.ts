import { randomUUID } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { readBinaryBuffer } from '../../../harness';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';
import { itemsOf, pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';

/**
 * Message → Get Many and a trigger poll build their messages side by side (attachment
 * downloads included), never with more than Concurrency requests open: the simulator's
 * maxInFlight counts them. Output order, binary names and contents, and the trigger's
 * exactly-once state are the same as one after another (Concurrency 1).
 */
describe('Parallel attachment downloads (engine, simulator)', () => {
	const fixture = useSimulator();

	beforeEach(async () => {
		// Long enough on a busy machine for overlapping requests to be seen as such.
		await fixture.control.config({ latencyMs: 40 });
	});

	/** `count` messages with two small attachments each whose bytes name the message. */
	async function mailboxWithFiles(f: SimulatorFixture, count: number, email?: string) {
		const mailbox = email ?? (await f.control.createMailbox()).email;
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const { id } = await f.control.deliver(mailbox, {
				subject: `m${i}`,
				receivedAt: Date.parse('2026-12-01T10:00:00Z') + i * 1000,
				attachments: [
					{ name: 'a.txt', contentType: 'text/plain', text: `m${i} first` },
					{ name: 'b.txt', contentType: 'text/plain', text: `m${i} second` },
				],
			});
			ids.push(id);
		}
		return { email: mailbox, ids };
	}

	/** What an item says, binaries by name with their bytes: comparable across runs. */
	async function described(items: INodeExecutionData[]) {
		const out: Array<{ json: IDataObject; files: Record<string, string> }> = [];
		for (const item of items) {
			const files: Record<string, string> = {};
			for (const [name, binary] of Object.entries(item.binary ?? {}))
				files[name] = `${binary.fileName}: ${(await readBinaryBuffer(binary)).toString()}`;
			out.push({ json: item.json, files });
		}
		return out;
	}

	const getMany = (email: string, concurrency: number, extra: IDataObject = {}) =>
		runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email,
			returnAll: true,
			options: { downloadAttachments: true, ...extra },
			requestOptions: { concurrency },
		});

	it('Get Many: same items, order and binaries as one after another, at most Concurrency open', async () => {
		const { email, ids } = await mailboxWithFiles(fixture, 12);
		// The newest message's files answer last: later messages finish before it.
		await fixture.control.injectFaults(
			{ kind: 'delay', ms: 300 },
			{ pathPrefix: `/api/messages/${ids[11]}/attachments` },
		);
		const sequential = await getMany(email, 1);
		expect(sequential.error).toBeUndefined();
		expect((await fixture.control.stats()).maxInFlight).toBe(1);

		await fixture.control.clearRequests();
		const parallel = await getMany(email, 4);
		expect(parallel.error).toBeUndefined();
		const stats = await fixture.control.stats();
		expect(stats.maxInFlight).toBe(4);
		expect(stats.requests).toBe(1 + 12 * 2);

		const expected = await described(sequential.items);
		expect(await described(parallel.items)).toEqual(expected);
		// Newest first, as the API lists them, each with its own two files.
		expect(expected.map((i) => i.json.subject)).toEqual(ids.map((_, i) => `m${11 - i}`));
		expect(expected[0].files).toEqual({
			attachment_0: 'a.txt: m11 first',
			attachment_1: 'b.txt: m11 second',
		});
		expect(parallel.items.map((i) => i.pairedItem)).toEqual(ids.map(() => ({ item: 0 })));
	});

	it('Get Many with One Item per Attachment keeps the file order too', async () => {
		const { email } = await mailboxWithFiles(fixture, 6);
		const options = { attachmentOutput: 'perAttachment' };
		const sequential = await described((await getMany(email, 1, options)).items);
		const parallel = await described((await getMany(email, 5, options)).items);
		expect(parallel).toEqual(sequential);
		expect(parallel.map((i) => i.files.data)).toEqual(
			[5, 4, 3, 2, 1, 0].flatMap((m) => [`a.txt: m${m} first`, `b.txt: m${m} second`]),
		);
	});

	it('items side by side and the downloads inside each share one Concurrency', async () => {
		const boxes = [];
		for (let i = 0; i < 3; i++) boxes.push(await mailboxWithFiles(fixture, 5));
		const run = await runTempMail(
			fixture,
			{
				resource: 'message',
				operation: 'getAll',
				email: '={{ $json.email }}',
				returnAll: true,
				options: { downloadAttachments: true },
				requestOptions: { concurrency: 3 },
			},
			{ inputItems: boxes.map(({ email }) => ({ json: { email } })) },
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(15);
		expect(run.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2].flatMap((item) => Array(5).fill({ item })),
		);
		const stats = await fixture.control.stats();
		expect(stats.maxInFlight).toBe(3);
		expect(stats.requests).toBe(3 * (1 + 5 * 2));
	});

	async function pollTwice(email: string, concurrency: number) {
		// Its own workflow id: the trigger remembers, per workflow, the last state it handed n8n.
		const session: TriggerSession = { staticData: {}, workflowId: `parallel-${randomUUID()}` };
		const parameters = {
			mailboxes: email,
			options: { downloadAttachments: true, emitExisting: true },
			requestOptions: { concurrency },
		};
		const first = itemsOf(await pollTrigger(fixture, session, parameters));
		const again = itemsOf(await pollTrigger(fixture, session, parameters));
		return { first, again, session, parameters };
	}

	it('trigger: a poll with many new messages downloads side by side, emits each once in order', async () => {
		const { email, ids } = await mailboxWithFiles(fixture, 10);
		const sequential = await pollTwice(email, 1);
		expect((await fixture.control.stats()).maxInFlight).toBe(1);

		await fixture.control.clearRequests();
		const parallel = await pollTwice(email, 4);
		const stats = await fixture.control.stats();
		expect(stats.maxInFlight).toBe(4);
		// Two polls: two list requests, the 20 downloads only in the first.
		expect(stats.requests).toBe(2 + 10 * 2);

		expect(await described(parallel.first)).toEqual(await described(sequential.first));
		expect(parallel.first.map((i) => i.json.id)).toEqual(ids);
		expect(parallel.again).toEqual([]);
		// The same ids remembered (times of the polls aside).
		const remembered = (session: TriggerSession) =>
			JSON.stringify(session.staticData).match(/"ids":\[[^\]]*\]/g);
		expect(remembered(parallel.session)).toEqual(remembered(sequential.session));
		expect(remembered(parallel.session)?.[0]).toContain(ids[0]);

		// Later mail: exactly the new messages, once.
		const later = await mailboxWithFiles(fixture, 3, email);
		const next = itemsOf(await pollTrigger(fixture, parallel.session, parallel.parameters));
		expect(next.map((i) => i.json.id)).toEqual(later.ids);
	});

	it('trigger: Concurrency is checked like the action node', async () => {
		const { email } = await mailboxWithFiles(fixture, 1);
		const outcome = await pollTrigger(
			fixture,
			{ staticData: {} },
			{ mailboxes: email, requestOptions: { concurrency: 0 } },
		);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error.message).toMatch(/Concurrency: must be a whole number/);
	});
});
