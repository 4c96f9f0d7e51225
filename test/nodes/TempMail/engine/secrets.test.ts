import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import * as send from '../../../../nodes/TempMail/transport/send';
import { exposedText, leakedForms } from '../../../support/exposure';
import { recordReliability } from '../../../support/reliability';
import { everyAttempt, useFastBackoff } from '../../../support/retries';
import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';
import type { NodeRun, SimulatorFixture } from '../../../support/tempmail';
import { errorOfPoll, pollTrigger } from '../../../support/trigger';

/**
 * The API key never reaches what a user or an operator sees, on every error path: the
 * thrown error with all it carries (message, description, errorResponse, context, cause,
 * stack), the run data n8n stores, Continue On Fail items, and every log line. Where the
 * simulator can, its answer quotes the key (as a careless API or proxy might) and the
 * `Authorization` header.
 */
const KEY = 'tm_live_7Q9xK2mV5pL8SECRETwR4tY6uI1oP3';
const ECHO = {
	status: false,
	message: `Invalid API key ${KEY}`,
	debug: { authorization: `Bearer ${KEY}`, key: KEY },
};
const HTML_ECHO = `<html><body><h1>502 Bad Gateway</h1><pre>Authorization: Bearer ${KEY}</pre></body></html>`;

type Faults = Parameters<SimulatorFixture['control']['injectFaults']>[0];

interface PathCase {
	name: string;
	faults: Faults;
	/** Which request takes the faults; the list of a mailbox's messages unless said. */
	target?: 'list' | 'create' | 'attachment';
	message: RegExp;
	continueOnFail?: boolean;
}

const cases: PathCase[] = [
	{
		name: '401 whose body quotes the key',
		faults: { kind: 'body', status: 401, body: ECHO },
		message: /rejected the API key \(401\)/,
	},
	{
		name: '403 whose body quotes the key',
		faults: { kind: 'body', status: 403, body: ECHO },
		message: /403/,
	},
	{
		name: '404 whose body quotes the key',
		faults: { kind: 'body', status: 404, body: ECHO },
		message: /404|not found/i,
	},
	{
		name: '422 whose body quotes the key',
		faults: { kind: 'body', status: 422, body: ECHO },
		message: /422/,
	},
	{
		name: '429 on every attempt, retries exhausted',
		faults: everyAttempt({ kind: 'body', status: 429, body: ECHO }),
		message: /429/,
	},
	...[500, 502, 503, 504].map((status) => ({
		name: `${status} on every attempt, retries exhausted`,
		faults: everyAttempt({ kind: 'body' as const, status, body: ECHO }),
		message: new RegExp(`\\(${status}\\)`),
	})),
	{
		name: 'HTML error page quoting the header',
		faults: everyAttempt({ kind: 'body', status: 502, contentType: 'text/html', body: HTML_ECHO }),
		message: /502/,
	},
	{
		name: '200 with status:false quoting the key',
		faults: { kind: 'status-false', message: `Invalid API key ${KEY}` },
		message: /reported a failure/,
	},
	{
		name: 'truncated JSON containing the key',
		faults: {
			kind: 'body',
			status: 200,
			contentType: 'application/json',
			body: `{"status":true,"data":[{"id":"${KEY}`,
		},
		message: /unexpected format/,
	},
	{
		name: 'empty body',
		faults: { kind: 'body', status: 200, contentType: 'application/json', body: '' },
		message: /unexpected format|empty/i,
	},
	{
		name: 'text body with the key cut by the 80-character preview',
		faults: {
			kind: 'body',
			status: 200,
			contentType: 'text/plain',
			body: `${'x'.repeat(60)}${KEY} and more text after it`,
		},
		message: /unexpected format/,
	},
	{
		name: 'API message with the key cut at 300 characters',
		faults: { kind: 'status', status: 500, message: `${'x'.repeat(290)}${KEY}` },
		message: /\(500\)/,
	},
	{
		name: 'base64 of the key quoted back',
		faults: {
			kind: 'status',
			status: 401,
			message: `Basic ${Buffer.from(KEY).toString('base64')} / ${Buffer.from(`Bearer ${KEY}`).toString('base64')}`,
		},
		message: /rejected the API key \(401\)/,
	},
	{
		name: 'wrong-shape list holding the key',
		faults: {
			kind: 'body',
			status: 200,
			contentType: 'application/json',
			body: { status: true, messages: `Token ${KEY}` },
		},
		message: /unexpected format/,
	},
	{
		name: 'wrong-shape mailbox (Mailbox → Create) holding the key',
		target: 'create',
		faults: {
			kind: 'body',
			status: 200,
			contentType: 'application/json',
			body: { status: true, data: { id: 1, email: `Token ${KEY}` } },
		},
		message: /unexpected format/,
	},
	{
		name: 'connection dropped on every attempt',
		faults: everyAttempt({ kind: 'drop' }),
		message: /connection|closed|reset|socket/i,
	},
	{
		name: 'Mailbox → Create (POST) 500 quoting the key',
		target: 'create',
		faults: { kind: 'body', status: 500, body: ECHO },
		message: /\(500\)/,
	},
	{
		name: 'Attachment → Download (streamed body) 401 quoting the key',
		target: 'attachment',
		faults: { kind: 'body', status: 401, body: ECHO },
		message: /rejected the API key \(401\)/,
	},
	{
		name: 'Continue On Fail: the error item of a 401 quoting the key',
		faults: { kind: 'body', status: 401, body: ECHO },
		message: /rejected the API key \(401\)/,
		continueOnFail: true,
	},
];

describe('the API key never reaches errors, run data or logs, on any error path (engine, simulator)', () => {
	const fixture = useSimulator();
	useFastBackoff();

	beforeEach(async () => {
		await fixture.control.createAccount({ key: KEY });
	});

	/** What a user or operator could see of a run: the error, the stored run data, the items, the logs. */
	function exposed(run: NodeRun): string {
		return exposedText(run.error, run.result.run, run.items, run.result.logs);
	}

	/** Asserts no form of the key is exposed, and that the key did travel to the API (so the check means something). */
	async function expectKeptSecret(text: string, requestsExpected = true) {
		expect(leakedForms(text, KEY)).toEqual([]);
		if (requestsExpected) {
			const sent = await fixture.control.requests();
			expect(sent.length).toBeGreaterThan(0);
			expect(sent.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
		}
	}

	async function runCase(c: PathCase): Promise<{ message: string; run: NodeRun }> {
		const mailbox = await fixture.control.createMailbox({ key: KEY });
		let parameters: INodeParameters = {
			resource: 'message',
			operation: 'getAll',
			email: mailbox.email,
			returnAll: true,
		};
		let pathPrefix = '/api/messages';
		if (c.target === 'create') {
			parameters = { resource: 'mailbox', operation: 'create' };
			pathPrefix = '/api/emails';
		} else if (c.target === 'attachment') {
			const message = await fixture.control.deliver(mailbox.email, {
				attachments: [{ name: 'a.txt', text: 'hello' }],
			});
			parameters = {
				resource: 'attachment',
				operation: 'download',
				messageId: message.id,
				fileName: 'a.txt',
				binaryPropertyName: 'data',
			};
			pathPrefix = `/api/messages/${message.id}/attachments`;
		}
		await fixture.control.injectFaults(c.faults, { pathPrefix });
		const run = await runTempMail(fixture, parameters, {
			apiKey: KEY,
			continueOnFail: c.continueOnFail,
		});
		if (c.continueOnFail) {
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(1);
			const message = String((run.items[0].json.error as string | undefined) ?? '');
			return { message, run };
		}
		return { message: expectError(run).message, run };
	}

	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const { message, run } = await runCase(c);
		expect(message).toMatch(c.message);
		const text = exposed(run);
		await expectKeptSecret(text);
		recordReliability({
			area: 'Secrets',
			case: c.name,
			result: `fails with "${message}"; key in none of the error, run data, items or ${run.result.logs.length} log lines`,
		});
	});

	it('a timeout on every attempt', async () => {
		jest.replaceProperty(send, 'REQUEST_TIMEOUT_MS', 300);
		const { message, run } = await runCase({
			name: 'timeout',
			faults: everyAttempt({ kind: 'delay', ms: 2000 }),
			message: /no answer within/,
		});
		expect(message).toMatch(/no answer within/);
		await expectKeptSecret(exposed(run));
		recordReliability({
			area: 'Secrets',
			case: 'no answer within the timeout, every attempt',
			result: `fails with "${message}"; key nowhere`,
		});
	});

	it('a refused connection (nothing listens at the base URL)', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const run = await runTempMail(
			fixture,
			{ resource: 'mailbox', operation: 'create' },
			{ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}` },
		);
		const message = expectError(run).message;
		expect(message).toMatch(/refused|could not connect|reach/i);
		await expectKeptSecret(exposed(run), false);
		recordReliability({
			area: 'Secrets',
			case: 'connection refused',
			result: `fails with "${message}"; key nowhere`,
		});
	});

	it('a redirect to another origin that echoes what it received: the key is neither sent there nor shown', async () => {
		const seen: Array<string | undefined> = [];
		const other = http.createServer((req, res) => {
			seen.push(req.headers.authorization);
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					status: false,
					message: `got authorization: ${req.headers.authorization ?? 'none'}`,
				}),
			);
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
		const redirector = http.createServer((req, res) => {
			res.writeHead(302, { location: `${otherUrl}${req.url ?? '/'}` });
			res.end();
		});
		await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
		try {
			const base = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
			const run = await runTempMail(
				fixture,
				{
					resource: 'domain',
					operation: 'getAll',
					type: 'free',
					requestOptions: { retryOnTransientErrors: false },
				},
				{ apiKey: KEY, baseUrl: base },
			);
			const message = expectError(run).message;
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((header) => header === undefined)).toBe(true);
			await expectKeptSecret(exposed(run), false);
			recordReliability({
				area: 'Secrets',
				case: 'redirect to another origin',
				result: `no Authorization sent there; fails with "${message}"; key nowhere`,
			});
		} finally {
			await new Promise((resolve) => redirector.close(resolve));
			await new Promise((resolve) => other.close(resolve));
		}
	});

	it.each([
		['401 quoting the key', { kind: 'body' as const, status: 401, body: ECHO }],
		[
			'503 quoting the key, retries exhausted',
			everyAttempt({ kind: 'body' as const, status: 503, body: ECHO }),
		],
	])('Temp Mail Trigger: a poll that fails with %s', async (name, faults) => {
		const mailbox = await fixture.control.createMailbox({ key: KEY });
		await fixture.control.injectFaults(faults, { pathPrefix: '/api/messages' });
		const outcome = await pollTrigger(
			fixture,
			{ staticData: {}, apiKey: KEY },
			{ mailboxes: mailbox.email },
		);
		const error = errorOfPoll(outcome);
		expect(error.message).toMatch(/401|503/);
		await expectKeptSecret(exposedText(error, outcome.ok ? [] : outcome.logs));
		recordReliability({
			area: 'Secrets',
			case: `trigger poll: ${name}`,
			result: `poll fails with "${error.message}"; key in neither the error nor the logs`,
		});
	});
});
