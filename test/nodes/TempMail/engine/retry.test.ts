import { TempMailApi } from '../../../../credentials/TempMailApi.credentials';
import { TempMail } from '../../../../nodes/TempMail/TempMail.node';
import { chain, startNode, startWorkflow, workflowNode } from '../../../harness';
import { recordReliability } from '../../../support/reliability';
import { everyAttempt, NO_RETRIES, RETRY_ATTEMPTS, useFastBackoff } from '../../../support/retries';
import {
	expectError,
	NODE_NAME,
	NODE_TYPE,
	runTempMail,
	useSimulator,
} from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';
import type { FaultSpec } from '../../../simulator';

type Fault = Parameters<SimulatorFixture['control']['injectFaults']>[0];

/** A test whose name states the fault and the outcome; once it passes, a row of the README's Reliability table. */
function itRecords(name: string, fn: () => Promise<void>, timeout?: number) {
	it(
		name,
		async () => {
			await fn();
			recordReliability({ area: 'Faults', case: 'Retry policy', result: name });
		},
		timeout,
	);
}

describe('Retry policy in the transport (engine, simulator)', () => {
	const fixture = useSimulator();
	useFastBackoff();

	const requestsTo = async (method: string, prefix: string) =>
		(await fixture.control.requests()).filter(
			(r) => r.method === method && r.rawPath.startsWith(prefix),
		);

	async function listWith(faults: Fault, extra: Record<string, unknown> = {}) {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.deliver(mailbox.email, { subject: 'hello' });
		await fixture.control.injectFaults(faults, { pathPrefix: '/api/messages' });
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
			...extra,
		});
		return { run, requests: await requestsTo('GET', '/api/messages') };
	}

	itRecords('a GET answered 503 twice, then 200, returns the data after 3 requests', async () => {
		const { run, requests } = await listWith([
			{ kind: 'status', status: 503 },
			{ kind: 'status', status: 503 },
		]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.subject)).toEqual(['hello']);
		expect(requests).toHaveLength(3);
	});

	itRecords(
		'4 consecutive 502s fail with the clear server error after 4 requests, saying it retried 3 times',
		async () => {
			const { run, requests } = await listWith(
				everyAttempt<FaultSpec>({ kind: 'status', status: 502 }),
			);
			const error = expectError(run);
			expect(error.message).toBe('The Temp Mail API had a server error (502)');
			expect(error.description).toMatch(/try again later\..* Retried 3 times/);
			expect(error.httpCode).toBe('502');
			expect(requests).toHaveLength(RETRY_ATTEMPTS);
		},
	);

	itRecords('a dropped connection on a GET is retried', async () => {
		const { run, requests } = await listWith({ kind: 'drop' });
		expect(run.items.map((i) => i.json.subject)).toEqual(['hello']);
		expect(requests).toHaveLength(2);
	});

	itRecords('a 500, a 404 or a malformed body is not retried', async () => {
		for (const fault of [
			{ kind: 'status', status: 500 },
			{ kind: 'status', status: 404 },
			{ kind: 'malformed' },
		] as Fault[]) {
			await fixture.control.clearRequests();
			const { run, requests } = await listWith(fault);
			expectError(run);
			expect(requests).toHaveLength(1);
		}
	});

	itRecords('DELETE of a message is retried after a 503', async () => {
		const mailbox = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(mailbox.email, { subject: 'bye' });
		await fixture.control.injectFaults({ kind: 'status', status: 503 }, { method: 'DELETE' });
		const run = await runTempMail(fixture, {
			resource: 'message',
			operation: 'delete',
			messageId: message.id,
		});
		expect(run.error).toBeUndefined();
		expect(await requestsTo('DELETE', '/api/messages/')).toHaveLength(2);
	});

	itRecords(
		'a DELETE retried into a 404 says an earlier attempt may already have deleted it',
		async () => {
			const mailbox = await fixture.control.createMailbox();
			const message = await fixture.control.deliver(mailbox.email, { subject: 'bye' });
			// A gateway 503 after the backend deleted it, then the retry finds nothing.
			await fixture.control.injectFaults(
				[
					{ kind: 'status', status: 503 },
					{ kind: 'status', status: 404, message: 'Message not found.' },
				],
				{ method: 'DELETE' },
			);
			const error = expectError(
				await runTempMail(fixture, {
					resource: 'message',
					operation: 'delete',
					messageId: message.id,
				}),
			);
			expect(error.message).toBe(`Message ${message.id} not found`);
			expect(error.description).toContain(
				'Retried once before this error; an earlier attempt may already have deleted it.',
			);
			expect(await requestsTo('DELETE', '/api/messages/')).toHaveLength(2);
		},
	);

	itRecords(
		'an attachment download retries past a 503 error body and delivers the file intact',
		async () => {
			const mailbox = await fixture.control.createMailbox();
			const message = await fixture.control.deliver(mailbox.email, {
				attachments: [{ name: 'a.txt', text: 'file body' }],
			});
			await fixture.control.injectFaults(
				[
					{ kind: 'html', status: 503 },
					{ kind: 'status', status: 502 },
				],
				{ pathPrefix: '/api/messages/' },
			);
			const run = await runTempMail(fixture, {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: 'a.txt',
				binaryPropertyName: 'data',
			});
			expect(run.error).toBeUndefined();
			expect(run.items[0].binary?.data?.fileName).toBe('a.txt');
			expect(await requestsTo('GET', '/api/messages/')).toHaveLength(3);
			expect((await fixture.control.stats()).inFlight).toBe(0);
		},
	);

	itRecords(
		'POST Mailbox → Create answered 503 is NOT retried (1 request) and says why',
		async () => {
			await fixture.control.injectFaults({ kind: 'status', status: 503 }, { method: 'POST' });
			const error = expectError(
				await runTempMail(fixture, { resource: 'mailbox', operation: 'create' }),
			);
			expect(error.message).toBe('The Temp Mail API had a server error (503)');
			expect(error.description).toMatch(/Not retried: a POST may already have been processed/);
			expect(await requestsTo('POST', '/api/emails')).toHaveLength(1);
		},
	);

	itRecords('POST Mailbox → Create with a dropped connection is NOT retried', async () => {
		await fixture.control.injectFaults({ kind: 'drop' }, { method: 'POST' });
		const error = expectError(
			await runTempMail(fixture, { resource: 'mailbox', operation: 'create' }),
		);
		expect(error.message).toMatch(/closed the connection before its answer was complete/);
		expect(await requestsTo('POST', '/api/emails')).toHaveLength(1);
	});

	itRecords(
		'POST Mailbox → Create answered 429 (not processed) is retried after Retry-After',
		async () => {
			await fixture.control.injectFaults(
				{ kind: 'status', status: 429, retryAfter: 1 },
				{ method: 'POST' },
			);
			const started = Date.now();
			const run = await runTempMail(fixture, { resource: 'mailbox', operation: 'create' });
			expect(run.error).toBeUndefined();
			expect(String(run.items[0].json.email)).toContain('@');
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			expect(await requestsTo('POST', '/api/emails')).toHaveLength(2);
		},
	);

	itRecords(
		'POST Mailbox → Create to a closed port (connection refused, never sent) is retried, then fails clearly',
		async () => {
			const error = expectError(
				await runTempMail(
					fixture,
					{ resource: 'mailbox', operation: 'create' },
					{ baseUrl: 'http://127.0.0.1:9' },
				),
			);
			expect(error.message).toBe(
				'Could not reach the Temp Mail API at http://127.0.0.1:9: the connection was refused',
			);
			expect(error.description).toMatch(/Retried 3 times/);
		},
	);

	itRecords('a 429 with Retry-After 1 is waited out', async () => {
		const started = Date.now();
		const { run, requests } = await listWith({ kind: 'status', status: 429, retryAfter: 1 });
		expect(run.items.map((i) => i.json.subject)).toEqual(['hello']);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(requests).toHaveLength(2);
	});

	itRecords(
		'a 429 asking to wait longer than the max wait fails at once with the quota error',
		async () => {
			const started = Date.now();
			const { run, requests } = await listWith({ kind: 'status', status: 429, retryAfter: 120 });
			const error = expectError(run);
			expect(Date.now() - started).toBeLessThan(3000);
			expect(error.message).toBe('Temp Mail API quota exhausted or rate limited (429)');
			expect(error.description).toMatch(
				/The API asks to wait 2 min \(until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
			);
			expect(error.description).toContain(
				'Not retried: the API asks to wait 2 min, longer than the Max Retry Wait of 1 min',
			);
			expect(requests).toHaveLength(1);
		},
	);

	itRecords("Max Retry Wait is the user's: 5 s asked, 2 s allowed, fails at once", async () => {
		const { run, requests } = await listWith(
			{ kind: 'status', status: 429, retryAfter: 5 },
			{ requestOptions: { maxRetryWait: 2 } },
		);
		expect(expectError(run).description).toContain('longer than the Max Retry Wait of 2 s');
		expect(requests).toHaveLength(1);
	});

	itRecords('an out-of-range Max Retry Wait is refused before any request', async () => {
		const { run, requests } = await listWith(
			{ kind: 'delay', ms: 0 },
			{ requestOptions: { maxRetryWait: -1 } },
		);
		expect(expectError(run).message).toBe(
			'Max Retry Wait: must be between 0 and 3600 seconds, got -1',
		);
		expect(requests).toHaveLength(0);
	});

	itRecords('Retry on Transient Errors off: one request, the plain error', async () => {
		const { run, requests } = await listWith({ kind: 'status', status: 503 }, NO_RETRIES);
		const error = expectError(run);
		expect(error.message).toBe('The Temp Mail API had a server error (503)');
		expect(error.description).not.toMatch(/[Rr]etried/);
		expect(requests).toHaveLength(1);
	});

	itRecords(
		'Wait For does its own waiting: its list request is not retried inside the transport',
		async () => {
			const mailbox = await fixture.control.createMailbox();
			await fixture.control.injectFaults(
				{ kind: 'status', status: 503 },
				{ pathPrefix: '/api/messages' },
			);
			// Two checks (at 0 s and at the 1 s timeout); a transport retry would add requests to the first.
			const run = await runTempMail(fixture, {
				resource: 'message',
				operation: 'waitFor',
				email: mailbox.email,
				timeout: 1,
				interval: 2,
				onTimeout: 'output',
			});
			expect(run.items.map((i) => [i.json.timedOut, i.json.checks, i.json.lastError])).toEqual([
				[true, 2, 'The Temp Mail API had a server error (503)'],
			]);
			expect(await requestsTo('GET', '/api/messages')).toHaveLength(2);
		},
	);

	itRecords('cancelling the execution during a retry wait ends it promptly', async () => {
		const mailbox = await fixture.control.createMailbox();
		await fixture.control.injectFaults(
			{ kind: 'status', status: 429, retryAfter: 30 },
			{ pathPrefix: '/api/messages' },
		);
		const handle = startWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode(
						NODE_NAME,
						NODE_TYPE,
						{ resource: 'message', operation: 'getAll', email: mailbox.email, returnAll: true },
						{ credentials: { tempMailApi: { id: '1', name: 'Temp Mail' } } },
					),
				],
				connections: chain('Start', NODE_NAME),
			},
			nodeTypes: { [NODE_TYPE]: new TempMail() },
			credentialTypes: [new TempMailApi()],
			credentials: { tempMailApi: { apiKey: fixture.sim.defaultKey, baseUrl: fixture.sim.url } },
		});
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await requestsTo('GET', '/api/messages')).toHaveLength(1);
		const cancelledAt = Date.now();
		handle.cancel();
		const result = await handle.done;
		expect(Date.now() - cancelledAt).toBeLessThan(3000);
		expect(result.run.status).toBe('canceled');
		expect(await requestsTo('GET', '/api/messages')).toHaveLength(1);
	});
});
