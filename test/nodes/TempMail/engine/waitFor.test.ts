import { TempMailApi } from '../../../../credentials/TempMailApi.credentials';
import { TempMail } from '../../../../nodes/TempMail/TempMail.node';
import { chain, startNode, startWorkflow, workflowNode } from '../../../harness';
import {
	expectError,
	NODE_NAME,
	NODE_TYPE,
	runTempMail,
	useSimulator,
} from '../../../support/tempmail';

const later = (ms: number, action: () => Promise<unknown>) =>
	new Promise((resolve, reject) => setTimeout(() => action().then(resolve, reject), ms));

describe('Message → Wait For (engine, simulator)', () => {
	const fixture = useSimulator();
	const waitFor = (email: string, extra: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'waitFor',
		email,
		timeout: 20,
		interval: 2,
		simplify: true,
		...extra,
	});

	it('returns a message delivered 2 s after it started', async () => {
		const box = await fixture.control.createMailbox();
		const started = Date.now();
		const [run] = await Promise.all([
			runTempMail(fixture, waitFor(box.email, { filters: { subjectContains: 'verify' } })),
			later(2000, () =>
				fixture.control.deliver(box.email, {
					subject: 'Please verify your account',
					fromEmail: 'no-reply@site.example',
				}),
			),
		]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.subject)).toEqual(['Please verify your account']);
		expect(Date.now() - started).toBeLessThan(8000);
	});

	it('ignores mail that was there before it started, and the timeout can output an item', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, {
			subject: 'old verification',
			receivedAt: Date.now() - 60_000,
		});
		const run = await runTempMail(fixture, waitFor(box.email, { timeout: 3, onTimeout: 'output' }));
		expect(run.items.map((i) => i.json)).toEqual([
			{
				timedOut: true,
				email: box.email,
				waitedSeconds: 3,
				checks: expect.any(Number),
				lastError: null,
			},
		]);
		// One check at the start, one per interval, and a last one at the deadline.
		expect(run.items[0].json.checks).toBe((await fixture.control.requests()).length);
		expect(run.items[0].json.checks).toBeGreaterThanOrEqual(2);
	});

	it('accepts mail already there when asked to', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.deliver(box.email, {
			subject: 'old verification',
			receivedAt: Date.now() - 60_000,
		});
		const run = await runTempMail(
			fixture,
			waitFor(box.email, { options: { acceptExisting: true } }),
		);
		expect(run.items.map((i) => i.json.subject)).toEqual(['old verification']);
		expect(await fixture.control.requests()).toHaveLength(1);
	});

	it('fails with a clear error on timeout by default', async () => {
		const box = await fixture.control.createMailbox();
		const error = expectError(
			await runTempMail(
				fixture,
				waitFor(box.email, { timeout: 2, filters: { fromContains: 'bank' } }),
			),
		);
		expect(error.message).toBe(`No matching message arrived in ${box.email} within 2 s (2 checks)`);
		expect(error.description).toMatch(/filters match/);
	});

	it('waits out a 429 until Retry-After instead of failing', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.injectFaults(
			{ kind: 'status', status: 429, retryAfter: 4 },
			{ pathPrefix: '/api/messages' },
		);
		const started = Date.now();
		const [run] = await Promise.all([
			// Version 2 (Unread): the mail lands while the first check is refused, so "not in the
			// first listing" could not tell it from mail already there.
			runTempMail(fixture, waitFor(box.email), { typeVersion: 2 }),
			later(500, () => fixture.control.deliver(box.email, { subject: 'code 1234' })),
		]);
		expect(run.items.map((i) => i.json.subject)).toEqual(['code 1234']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
		expect((await fixture.control.requests()).length).toBe(3);
	});

	it('retries server errors and dropped connections within the timeout', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.injectFaults([{ kind: 'status', status: 503 }, { kind: 'drop' }], {
			pathPrefix: '/api/messages',
		});
		await fixture.control.deliver(box.email, { subject: 'hello' });
		const run = await runTempMail(fixture, waitFor(box.email), { typeVersion: 2 });
		expect(run.items.map((i) => i.json.subject)).toEqual(['hello']);
		// Three listings, then the read that claims the unread message.
		expect((await fixture.control.requests()).length).toBe(4);
	});

	it('fails at once when the mailbox expired (404)', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.expire(box.email);
		const started = Date.now();
		const error = expectError(await runTempMail(fixture, waitFor(box.email)));
		expect(error.message).toBe(`Mailbox ${box.email} not found or expired`);
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('refuses a pattern its compiler cannot run before any request', async () => {
		const box = await fixture.control.createMailbox();
		await fixture.control.clearRequests();
		const error = expectError(
			await runTempMail(fixture, waitFor(box.email, { filters: { pattern: '/(\\d+)/uv' } })),
		);
		expect(error.message).toMatch(
			/^Filters → Regular Expression: "\/\(\\d\+\)\/uv" is not a valid regular expression/,
		);
		expect(error.description).toBe('Fix or clear the Regular Expression filter.');
		expect(await fixture.control.requests()).toHaveLength(0);
	});

	it('fails at once on an unknown host (ENOTFOUND), not at its timeout', async () => {
		const started = Date.now();
		const error = expectError(
			await runTempMail(fixture, waitFor('box@example.com', { timeout: 20 }), {
				baseUrl: 'https://tempmail-host-that-does-not-exist.invalid',
			}),
		);
		expect(error.message).toBe(
			'Could not reach the Temp Mail API at https://tempmail-host-that-does-not-exist.invalid: the host name could not be resolved',
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('waits per input item, each on its own mailbox', async () => {
		const a = await fixture.control.createMailbox();
		const b = await fixture.control.createMailbox();
		await fixture.control.deliver(a.email, { subject: 'for a' });
		await fixture.control.deliver(b.email, { subject: 'for b' });
		const run = await runTempMail(fixture, waitFor('={{ $json.mailbox }}'), {
			typeVersion: 2,
			inputItems: [{ json: { mailbox: a.email } }, { json: { mailbox: b.email } }],
		});
		expect(run.items.map((i) => [i.json.subject, i.pairedItem])).toEqual([
			['for a', { item: 0 }],
			['for b', { item: 1 }],
		]);
	});

	it('refuses an out-of-range interval before any request', async () => {
		const box = await fixture.control.createMailbox();
		const error = expectError(
			await runTempMail(fixture, waitFor(box.email, { interval: '={{ 0.5 }}' })),
		);
		expect(error.message).toBe('Check Interval: must be between 2 and 1800 seconds, got 0.5');
		expect(await fixture.control.requests()).toHaveLength(0);
	});

	it('stops promptly when the execution is cancelled', async () => {
		const box = await fixture.control.createMailbox();
		const handle = startWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode(NODE_NAME, NODE_TYPE, waitFor(box.email, { timeout: 60, interval: 5 }), {
						credentials: { tempMailApi: { id: '1', name: 'Temp Mail' } },
					}),
				],
				connections: chain('Start', NODE_NAME),
			},
			nodeTypes: { [NODE_TYPE]: new TempMail() },
			credentialTypes: [new TempMailApi()],
			credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
		});
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const cancelledAt = Date.now();
		handle.cancel();
		const result = await handle.done;
		expect(Date.now() - cancelledAt).toBeLessThan(5000);
		expect(result.run.status).toBe('canceled');
		expect((await fixture.control.requests()).length).toBe(1);
	});
});
