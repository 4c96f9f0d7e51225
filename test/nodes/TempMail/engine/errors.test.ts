import * as send from '../../../../nodes/TempMail/transport/send';
import { everyAttempt, RETRY_ATTEMPTS, useFastBackoff } from '../../../support/retries';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';
import type { SimulatorFixture } from '../../../support/tempmail';

type Faults = Parameters<SimulatorFixture['control']['injectFaults']>[0];

/** Message → Get Many on a fresh mailbox, with the given fault(s) on the list request. */
async function listWithFault(fixture: SimulatorFixture, fault: Faults) {
	const mailbox = await fixture.control.createMailbox();
	await fixture.control.injectFaults(fault, { pathPrefix: '/api/messages' });
	return await runTempMail(fixture, {
		resource: 'message',
		operation: 'getAll',
		email: mailbox.email,
		returnAll: true,
	});
}

describe('API errors become clear NodeApiErrors (engine, simulator)', () => {
	const fixture = useSimulator();
	// Transient faults are injected on every attempt, so the error is the one after the retries.
	useFastBackoff();

	it('401: says to check the key, and never shows it', async () => {
		const run = await runTempMail(
			fixture,
			{ resource: 'mailbox', operation: 'create' },
			{ apiKey: 'wrong-key-123456' },
		);
		const error = expectError(run);
		expect(error.message).toBe('The Temp Mail API rejected the API key (401)');
		expect(error.description).toMatch(/Check the API key in the 'Temp Mail API' credential/);
		expect(JSON.stringify(error)).not.toContain('wrong-key-123456');
		expect(JSON.stringify(run.result.logs)).not.toContain('wrong-key-123456');
	});

	it.each([
		[500, /server error \(500\)/, 1],
		[502, /server error \(502\)/, RETRY_ATTEMPTS],
		[503, /server error \(503\)/, RETRY_ATTEMPTS],
	])('%i: a server error that says to try again later', async (status, message, attempts) => {
		const error = expectError(
			await listWithFault(fixture, everyAttempt({ kind: 'status', status })),
		);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/try again later/);
		expect(error.httpCode).toBe(String(status));
		expect(await fixture.control.requests()).toHaveLength(attempts);
	});

	it('429 from a throttle: quota wording with Retry-After (beyond the Max Retry Wait, so not waited for)', async () => {
		const error = expectError(
			await listWithFault(fixture, { kind: 'status', status: 429, retryAfter: 120 }),
		);
		expect(error.message).toBe('Temp Mail API quota exhausted or rate limited (429)');
		expect(error.description).toMatch(
			/The API asks to wait 2 min \(until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
		);
	});

	it('an unexpected status code is named', async () => {
		const error = expectError(
			await listWithFault(fixture, { kind: 'status', status: 418, message: 'teapot' }),
		);
		expect(error.message).toBe('The Temp Mail API answered with unexpected HTTP status 418');
		expect(error.description).toContain('teapot');
	});

	it('200 with status:false is an error carrying the API message', async () => {
		const error = expectError(
			await listWithFault(fixture, { kind: 'status-false', message: 'Mailbox locked' }),
		);
		expect(error.message).toBe('The Temp Mail API reported a failure: Mailbox locked');
	});

	it('truncated JSON is reported as an unexpected format, not a TypeError', async () => {
		const error = expectError(await listWithFault(fixture, { kind: 'malformed' }));
		expect(error.message).toBe('The Temp Mail API answered in an unexpected format');
		expect(error.description).toMatch(/Expected a JSON object/);
	});

	it('an HTML page with 200 is reported as an unexpected format', async () => {
		const error = expectError(await listWithFault(fixture, { kind: 'html', status: 200 }));
		expect(error.message).toBe('The Temp Mail API answered in an unexpected format');
	});

	it('an HTML error page with 502 is still a server error', async () => {
		const error = expectError(
			await listWithFault(fixture, everyAttempt({ kind: 'html', status: 502 })),
		);
		expect(error.message).toBe('The Temp Mail API had a server error (502)');
	});

	it('a JSON body of the wrong shape names what was expected', async () => {
		const error = expectError(
			await listWithFault(fixture, {
				kind: 'body',
				status: 200,
				contentType: 'application/json',
				body: { status: true, messages: { a: 1 } },
			}),
		);
		expect(error.message).toBe('The Temp Mail API answered in an unexpected format');
		expect(error.description).toMatch(/Expected a "messages" list, but found an object/);
	});

	it('a dropped connection names the origin and does not claim it could not be reached', async () => {
		const error = expectError(await listWithFault(fixture, everyAttempt({ kind: 'drop' })));
		expect(error.message).toBe(
			`The Temp Mail API at ${fixture.sim.url} closed the connection before its answer was complete`,
		);
		expect(error.message).not.toMatch(/could not reach/i);
	});

	it('a refused connection is a network error', async () => {
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
	});

	it('a slow API is a timeout error', async () => {
		jest.replaceProperty(send, 'REQUEST_TIMEOUT_MS', 300);
		const error = expectError(await listWithFault(fixture, { kind: 'delay', ms: 2000 }));
		expect(error.message).toMatch(/no answer within/);
		expect(error.description).toMatch(/too slow/);
	});

	it('an insecure base URL is refused before any request', async () => {
		const error = expectError(
			await runTempMail(
				fixture,
				{ resource: 'mailbox', operation: 'create' },
				{ baseUrl: 'http://api.example.com' },
			),
		);
		expect(error.message).toMatch(/must use https/);
		expect(await fixture.control.requests()).toHaveLength(0);
	});
});
