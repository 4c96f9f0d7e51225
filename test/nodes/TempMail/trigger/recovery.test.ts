import { errorOfPoll, itemsOf, pollTrigger } from '../../../support/trigger';
import type { TriggerSession } from '../../../support/trigger';
import { everyAttempt, NO_RETRIES, useFastBackoff } from '../../../support/retries';
import { useSimulator } from '../../../support/tempmail';
import type { FaultSpec } from '../../../simulator';

const T0 = Date.parse('2026-11-24T10:00:00Z');

const FAULTS: Array<[string, FaultSpec]> = [
	['500', { kind: 'status', status: 500 }],
	['502', { kind: 'status', status: 502 }],
	['503', { kind: 'status', status: 503 }],
	['504', { kind: 'status', status: 504 }],
	['429', { kind: 'status', status: 429, retryAfter: 1 }],
	['200 status:false', { kind: 'status-false' }],
	['truncated JSON', { kind: 'malformed' }],
	['HTML page', { kind: 'html', status: 502 }],
	[
		'wrong shape',
		{
			kind: 'body',
			status: 200,
			contentType: 'application/json',
			body: { status: true, messages: 'nope' },
		},
	],
	['dropped connection', { kind: 'drop' }],
];

describe('Temp Mail Trigger under faults: nothing lost, nothing repeated', () => {
	const fixture = useSimulator();
	useFastBackoff();
	let session: TriggerSession;
	beforeEach(() => {
		session = { staticData: {} };
	});

	it.each(FAULTS)(
		'a failing poll (%s) then recovery emits every message once',
		async (_name, fault) => {
			const box = await fixture.control.createMailbox();
			await pollTrigger(fixture, session, { mailboxes: box.email });
			// Same second: the ids decide the order (the documented tie-break).
			await fixture.control.deliver(box.email, {
				id: 'a-before',
				subject: 'before fault',
				receivedAt: T0,
			});
			const stateBefore = JSON.stringify(session.staticData);

			// On every attempt: a transient fault is retried within the poll (see the retry tests below).
			await fixture.control.injectFaults(everyAttempt(fault), { pathPrefix: '/api/messages' });
			const failed = await pollTrigger(fixture, session, { mailboxes: box.email });
			expect(errorOfPoll(failed).message).not.toMatch(/TypeError|Cannot read/);
			expect(JSON.stringify(session.staticData)).toBe(stateBefore);
			await fixture.control.clearFaults();

			await fixture.control.deliver(box.email, {
				id: 'b-during',
				subject: 'during outage',
				receivedAt: T0,
			});
			const recovered = itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }));
			expect(recovered.map((i) => i.json.subject)).toEqual(['before fault', 'during outage']);
			expect(itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }))).toEqual([]);
		},
	);

	it('a failed attachment download holds the message back for the next poll', async () => {
		const box = await fixture.control.createMailbox();
		const params = { mailboxes: box.email, options: { downloadAttachments: true } };
		await pollTrigger(fixture, session, params);
		await fixture.control.deliver(box.email, {
			subject: 'with file',
			attachments: [{ name: 'f.txt', text: 'F' }],
		});
		await fixture.control.injectFaults(everyAttempt<FaultSpec>({ kind: 'status', status: 503 }), {
			pathPrefix: '/api/messages/',
		});
		// Transient: the poll succeeds, the message waits (see poisonAttachments.test.ts).
		expect(itemsOf(await pollTrigger(fixture, session, params))).toEqual([]);
		const items = itemsOf(await pollTrigger(fixture, session, params));
		expect(items.map((i) => i.json.subject)).toEqual(['with file']);
		expect(items[0].binary?.attachment_0?.fileName).toBe('f.txt');
	});

	it('one of three mailboxes failing neither blocks nor loses the others; its error is reported and it catches up', async () => {
		const boxes = [
			await fixture.control.createMailbox(),
			await fixture.control.createMailbox(),
			await fixture.control.createMailbox(),
		];
		const params = { mailboxes: boxes.map((b) => b.email).join(', ') };
		await pollTrigger(fixture, session, params);
		for (const [index, box] of boxes.entries())
			await fixture.control.deliver(box.email, { subject: `to ${index}`, receivedAt: T0 });

		// Mailboxes are polled in the order given: let the first list request through, fail the second.
		await fixture.control.injectFaults(
			[{ kind: 'delay', ms: 0 }, ...everyAttempt<FaultSpec>({ kind: 'status', status: 503 })],
			{ pathPrefix: '/api/messages' },
		);
		const partial = await pollTrigger(fixture, session, params);
		expect(
			itemsOf(partial)
				.map((i) => i.json.subject)
				.sort(),
		).toEqual(['to 0', 'to 2']);
		if (!partial.ok) throw new Error('unreachable');
		// The message names the failing mailbox and the reason.
		expect(partial.result.emittedErrors.map((e) => e.message)).toEqual([
			`Temp Mail Trigger could not poll ${boxes[1].email}: The Temp Mail API had a server error (503)`,
		]);

		const next = itemsOf(await pollTrigger(fixture, session, params));
		expect(next.map((i) => i.json.subject)).toEqual(['to 1']);
	});

	it('a single transient fault is retried within the poll: the messages come out, no error', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email });
		await fixture.control.deliver(box.email, { subject: 'through a 503' });
		await fixture.control.clearRequests();
		await fixture.control.injectFaults([{ kind: 'status', status: 503 }, { kind: 'drop' }], {
			pathPrefix: '/api/messages',
		});
		const items = itemsOf(await pollTrigger(fixture, session, { mailboxes: box.email }));
		expect(items.map((i) => i.json.subject)).toEqual(['through a 503']);
		expect(await fixture.control.requests()).toHaveLength(3);
	});

	it('with Retry on Transient Errors off, one 503 fails the poll after one request', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email, ...NO_RETRIES });
		await fixture.control.clearRequests();
		await fixture.control.injectFaults(
			{ kind: 'status', status: 503 },
			{ pathPrefix: '/api/messages' },
		);
		const error = errorOfPoll(
			await pollTrigger(fixture, session, { mailboxes: box.email, ...NO_RETRIES }),
		);
		expect(error.message).toBe(
			`Temp Mail Trigger could not poll ${box.email}: The Temp Mail API had a server error (503)`,
		);
		expect(await fixture.control.requests()).toHaveLength(1);
	});

	it('a lone failing mailbox whose peers have nothing new throws (n8n shows it as a failed execution)', async () => {
		const a = await fixture.control.createMailbox();
		const b = await fixture.control.createMailbox();
		const params = { mailboxes: `${a.email}, ${b.email}` };
		await pollTrigger(fixture, session, params);
		await fixture.control.expire(b.email);
		const error = errorOfPoll(await pollTrigger(fixture, session, params));
		expect(error.message).toBe(`Mailbox ${b.email} not found or expired`);
	});

	it('warns in the log when the quota would not last until the reset at the current poll rate', async () => {
		const account = await fixture.control.createAccount({ quotaLimit: 50000, used: 0 });
		session.apiKey = account.key;
		const box = await fixture.control.createMailbox({ key: account.key });
		const warningsOf = async () => {
			const outcome = await pollTrigger(fixture, session, { mailboxes: box.email });
			if (!outcome.ok) throw outcome.error;
			return outcome.result.logs.filter((l) => l.level === 'warn').map((l) => l.message);
		};
		await warningsOf();
		// One gap between polls is not a rate yet (n8n's first scheduled poll may follow activation closely).
		expect(await warningsOf()).toEqual([]);
		expect((await warningsOf()).join('\n')).toMatch(
			/Temp Mail quota: \d+ calls remain until .* Poll less often/,
		);
		// At most one warning an hour.
		expect(await warningsOf()).toEqual([]);
	});

	it('counts the attachment downloads of a poll in the calls the quota warning weighs', async () => {
		const account = await fixture.control.createAccount({ quotaLimit: 50000, used: 0 });
		session.apiKey = account.key;
		const box = await fixture.control.createMailbox({ key: account.key });
		const params = {
			mailboxes: box.email,
			options: { downloadAttachments: true, attachmentExtensions: 'pdf' },
		};
		await pollTrigger(fixture, session, params);
		await pollTrigger(fixture, session, params);
		await fixture.control.deliver(box.email, {
			subject: 'Two files wanted, one left out',
			attachments: [
				{ name: 'a.pdf', text: 'first' },
				{ name: 'b.pdf', text: 'second' },
				{ name: 'c.txt', text: 'not wanted' },
			],
		});
		const outcome = await pollTrigger(fixture, session, params);
		if (!outcome.ok) throw outcome.error;
		const warnings = outcome.result.logs.filter((l) => l.level === 'warn').map((l) => l.message);
		// The list request and the two wanted downloads; the left-out file costs nothing.
		expect(warnings.join('\n')).toContain('with 3 call(s) per poll');
	});

	it('does not warn after one short gap when polls are then an hour apart', async () => {
		const box = await fixture.control.createMailbox();
		const params = { mailboxes: box.email };
		await pollTrigger(fixture, session, params);
		await pollTrigger(fixture, session, params);
		const key = Object.keys(session.staticData)[0];
		const nodeState = session.staticData[key] as {
			mailboxes: Record<string, { polledAt: number }>;
		};
		nodeState.mailboxes[box.email].polledAt -= 60 * 60 * 1000;
		// An hour later in a restarted n8n: only the stored state is known (not the memory
		// of this process, which would say the last poll was a moment ago).
		session.workflowId = 'harness-workflow-restarted';
		const third = await pollTrigger(fixture, session, params);
		if (!third.ok) throw third.error;
		expect(third.result.logs.filter((l) => l.level === 'warn')).toEqual([]);
	});

	it('does not warn when an hourly poll fits the quota', async () => {
		const box = await fixture.control.createMailbox();
		await pollTrigger(fixture, session, { mailboxes: box.email });
		const key = Object.keys(session.staticData)[0];
		const nodeState = session.staticData[key] as {
			mailboxes: Record<string, { polledAt: number }>;
		};
		nodeState.mailboxes[box.email].polledAt -= 60 * 60 * 1000;
		session.workflowId = 'harness-workflow-restarted'; // as above: an hour later, after a restart
		const second = await pollTrigger(fixture, session, { mailboxes: box.email });
		if (!second.ok) throw second.error;
		expect(second.result.logs.filter((l) => l.level === 'warn')).toEqual([]);
	});
});
