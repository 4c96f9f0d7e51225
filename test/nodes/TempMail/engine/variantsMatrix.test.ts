import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { readBinaryBuffer } from '../../../harness';
import type { Variants } from '../../../simulator';
import { recordReliability } from '../../../support/reliability';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { NodeRun } from '../../../support/tempmail';
import { itemsOf, pollTrigger } from '../../../support/trigger';

/*
 * The variants matrix: every operation, Wait For and the trigger (several polls, mail
 * arriving between them) against each freedom the documentation leaves to a server, and
 * against all of them at once. What must hold everywhere: the same outputs whatever the
 * list order, stamps, extra fields, latency or plan; a bad attachment costs only itself;
 * the key never reaches another origin.
 */

interface Case {
	name: string;
	variants: Partial<Variants>;
	/** The plan of the account used (allowed domain types). */
	plan: string[];
	latencyMs?: number;
	redirect?: boolean;
}

const CASES: Case[] = [
	{ name: 'list newest first', variants: { order: 'newest' }, plan: ['free'] },
	{ name: 'list oldest first', variants: { order: 'oldest' }, plan: ['free'] },
	{ name: 'list shuffled', variants: { order: 'shuffled' }, plan: ['free'] },
	{ name: 'identical receivedAt stamps', variants: { identicalStamps: true }, plan: ['free'] },
	{ name: 'API clock 3 h ahead', variants: { clockSkewMs: 3 * 3600_000 }, plan: ['free'] },
	{ name: 'API clock 3 h behind', variants: { clockSkewMs: -3 * 3600_000 }, plan: ['free'] },
	{
		name: 'unknown, null and nested extra fields',
		variants: { extraFields: true },
		plan: ['free'],
	},
	{
		name: 'latency 30 ms + jitter 0-60 ms',
		variants: { jitterMs: 60 },
		plan: ['free'],
		latencyMs: 30,
	},
	{
		name: 'attachment downloads redirected to another origin',
		variants: {},
		plan: ['free'],
		redirect: true,
	},
	{ name: 'premium-only plan', variants: {}, plan: ['premium'] },
	{ name: 'premium + custom domains plan', variants: {}, plan: ['premium', 'custom'] },
	{
		name: 'missing domain type read as free (plan with free)',
		variants: { omittedType: 'free' },
		plan: ['free', 'premium'],
	},
	{
		name: 'all at once',
		variants: {
			order: 'shuffled',
			identicalStamps: true,
			clockSkewMs: -2 * 3600_000,
			extraFields: true,
			jitterMs: 40,
		},
		plan: ['premium', 'custom'],
		latencyMs: 20,
		redirect: true,
	},
];

const T0 = Date.parse('2026-11-24T10:00:00Z');
const ODD_NAMES = ['a/b.txt', 'ünï €.txt', '100%.txt', '#1?.txt'];

/** Another origin: records what reached it and serves the file it is asked for. */
async function startOtherOrigin() {
	const seen: Array<{ path: string; authorization?: string }> = [];
	const server = http.createServer((req, res) => {
		seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
		res.writeHead(200, { 'Content-Type': 'text/plain' });
		res.end(`elsewhere:${decodeURIComponent((req.url ?? '').split('/').pop() ?? '')}`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		seen,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function ok(run: NodeRun, what: string) {
	if (run.error)
		throw new Error(`${what} failed: ${run.error.message} ${run.error.description ?? ''}`);
	return run.items;
}

describe('variants matrix: every operation, Wait For and the trigger', () => {
	const fixture = useSimulator();
	let other: Awaited<ReturnType<typeof startOtherOrigin>>;
	beforeAll(async () => {
		other = await startOtherOrigin();
	});
	afterAll(async () => other.close());

	it.each(CASES)('$name', async (variant) => {
		const { control } = fixture;
		const account = await control.createAccount({ allowedTypes: variant.plan });
		const options = { apiKey: account.key };
		await control.variants({
			...variant.variants,
			attachmentRedirect: variant.redirect ? other.origin : null,
		});
		if (variant.latencyMs) await control.config({ latencyMs: variant.latencyMs });
		other.seen.length = 0;
		const checks: string[] = [];

		// Quota and domains, on this plan.
		const quota = ok(
			await runTempMail(fixture, { resource: 'quota', operation: 'get' }, options),
			'Quota → Get',
		);
		expect(quota[0].json.limit).toBe(50000);
		const domains = ok(
			await runTempMail(
				fixture,
				{ resource: 'domain', operation: 'getAll', type: variant.plan[0] },
				options,
			),
			'Domain → Get Many',
		);
		expect(domains.length).toBeGreaterThan(0);
		checks.push('quota', 'domains');

		// Mailbox: create, switch to a domain of the plan.
		const [created] = ok(
			await runTempMail(fixture, { resource: 'mailbox', operation: 'create' }, options),
			'Create',
		);
		const domain = String(domains[0].json.domain);
		const [box] = ok(
			await runTempMail(
				fixture,
				{
					resource: 'mailbox',
					operation: 'switch',
					email: String(created.json.email),
					username: 'matrix-box',
					domain,
				},
				options,
			),
			'Switch',
		);
		const email = String(box.json.email);
		expect(email).toBe(`matrix-box@${domain}`);
		checks.push('mailbox create/switch');

		// The trigger's baseline, then mail with odd and poison attachments.
		const session = { staticData: {}, apiKey: account.key };
		const triggerParams = { mailboxes: email, options: { downloadAttachments: true } };
		expect(itemsOf(await pollTrigger(fixture, session, triggerParams))).toEqual([]);
		const deliveries = [
			{ id: 'msg-c', receivedAt: T0, attachments: [{ name: '..', text: 'x' }] },
			{
				id: 'msg-a',
				receivedAt: T0 + 1000,
				attachments: ODD_NAMES.map((name) => ({ name, text: name })),
			},
			{ id: 'msg-b', receivedAt: T0 + 1000 },
		];
		for (const message of deliveries) await control.deliver(email, message);
		// Oldest first by receivedAt, equal stamps by id; identical stamps make it id order.
		const arrival = variant.variants.identicalStamps
			? ['msg-a', 'msg-b', 'msg-c']
			: ['msg-c', 'msg-a', 'msg-b'];

		const firstPoll = itemsOf(await pollTrigger(fixture, session, triggerParams));
		expect(firstPoll.map((i) => i.json.id)).toEqual(arrival);
		const poisoned = firstPoll.find((i) => i.json.id === 'msg-c')!;
		expect(poisoned.json.attachmentErrors).toEqual([
			{ fileName: '..', reason: expect.stringMatching(/cannot be downloaded/) },
		]);
		const odd = firstPoll.find((i) => i.json.id === 'msg-a')!;
		expect(Object.keys(odd.binary ?? {})).toHaveLength(ODD_NAMES.length);
		checks.push('trigger: odd and poison attachments');

		// Get Many: Limit 2 keeps the newest two, whatever the API's order.
		const newest = ok(
			await runTempMail(
				fixture,
				{ resource: 'message', operation: 'getAll', email, returnAll: false, limit: 2 },
				options,
			),
			'Get Many',
		);
		expect(newest.map((i) => i.json.id)).toEqual([...arrival].reverse().slice(0, 2));
		checks.push('get many');

		// Get with attachments; Attachment → Download with a "/" in the name.
		const [read] = ok(
			await runTempMail(
				fixture,
				{
					resource: 'message',
					operation: 'get',
					messageId: 'msg-a',
					options: { downloadAttachments: true },
				},
				options,
			),
			'Get',
		);
		expect(read.json.attachmentErrors).toBeUndefined();
		expect((read.json.attachments as Array<{ name: string }>).map((a) => a.name)).toEqual(
			ODD_NAMES,
		);
		const [file] = ok(
			await runTempMail(
				fixture,
				{
					resource: 'attachment',
					operation: 'download',
					messageId: 'msg-a',
					fileName: 'a/b.txt',
					binaryPropertyName: 'data',
				},
				options,
			),
			'Attachment → Download',
		);
		expect(file.json.fileName).toBe('a/b.txt');
		const content = (await readBinaryBuffer(file.binary!.data)).toString();
		expect(content).toBe(variant.redirect ? 'elsewhere:a/b.txt' : 'a/b.txt');
		checks.push('get, attachment download');

		// Mail arriving between polls; Wait For picks it up.
		const [waited] = await Promise.all([
			runTempMail(
				fixture,
				{
					resource: 'message',
					operation: 'waitFor',
					email,
					timeout: 20,
					interval: 2,
					filters: { subjectContains: 'code' },
				},
				options,
			),
			new Promise((resolve) => setTimeout(resolve, 600)).then(() =>
				control.deliver(email, { id: 'msg-d', subject: 'Your code 4821' }),
			),
		]);
		expect(ok(waited, 'Wait For').map((i) => i.json.id)).toEqual(['msg-d']);
		checks.push('wait for');

		const secondPoll = itemsOf(await pollTrigger(fixture, session, triggerParams));
		expect(secondPoll.map((i) => i.json.id)).toEqual(['msg-d']);
		expect(itemsOf(await pollTrigger(fixture, session, triggerParams))).toEqual([]);
		checks.push('trigger: 3 polls, each message once');

		// Deletes.
		ok(
			await runTempMail(
				fixture,
				{ resource: 'message', operation: 'delete', messageId: 'msg-b' },
				options,
			),
			'Message → Delete',
		);
		ok(
			await runTempMail(fixture, { resource: 'mailbox', operation: 'delete', email }, options),
			'Mailbox → Delete',
		);
		checks.push('deletes');

		// The key never reached the other origin.
		expect(other.seen.every((request) => request.authorization === undefined)).toBe(true);
		if (variant.redirect) expect(other.seen.length).toBeGreaterThan(0);

		recordReliability({
			area: 'Variants',
			case: variant.name,
			result:
				`every operation, Wait For and the trigger (3 polls) as specified: ${checks.join(', ')}` +
				(variant.redirect
					? `; ${other.seen.length} redirected downloads, key sent to the other origin 0 times`
					: ''),
		});
	});
});

describe('variants matrix: status:false and error body shapes on every route', () => {
	const fixture = useSimulator();

	async function setUp() {
		const box = await fixture.control.createMailbox();
		const message = await fixture.control.deliver(box.email, {
			id: 'route-msg',
			attachments: [{ name: 'f.txt', text: 'F' }],
		});
		return { box, message };
	}

	const ROUTES: Array<{
		name: string;
		method: string;
		pathPrefix: string;
		parameters: (email: string) => INodeParameters;
	}> = [
		{
			name: 'Domain → Get Many',
			method: 'GET',
			pathPrefix: '/api/domains',
			parameters: () => ({ resource: 'domain', operation: 'getAll', type: 'free' }),
		},
		{
			name: 'Quota → Get',
			method: 'GET',
			pathPrefix: '/api/domains',
			parameters: () => ({ resource: 'quota', operation: 'get' }),
		},
		{
			name: 'Mailbox → Create',
			method: 'POST',
			pathPrefix: '/api/emails',
			parameters: () => ({ resource: 'mailbox', operation: 'create' }),
		},
		{
			name: 'Mailbox → Switch',
			method: 'POST',
			pathPrefix: '/api/emails/',
			parameters: (email) => ({
				resource: 'mailbox',
				operation: 'switch',
				email,
				username: 'next-one',
				domain: 'inbox.test',
			}),
		},
		{
			name: 'Mailbox → Delete',
			method: 'DELETE',
			pathPrefix: '/api/emails/',
			parameters: (email) => ({ resource: 'mailbox', operation: 'delete', email }),
		},
		{
			name: 'Message → Get Many',
			method: 'GET',
			pathPrefix: '/api/messages',
			parameters: (email) => ({ resource: 'message', operation: 'getAll', email, returnAll: true }),
		},
		{
			name: 'Message → Get',
			method: 'GET',
			pathPrefix: '/api/messages/route-msg',
			parameters: () => ({ resource: 'message', operation: 'get', messageId: 'route-msg' }),
		},
		{
			name: 'Message → Delete',
			method: 'DELETE',
			pathPrefix: '/api/messages/',
			parameters: () => ({ resource: 'message', operation: 'delete', messageId: 'route-msg' }),
		},
		{
			name: 'Attachment → Download',
			method: 'GET',
			pathPrefix: '/api/messages/route-msg/attachments/',
			parameters: () => ({
				resource: 'attachment',
				operation: 'download',
				messageId: 'route-msg',
				fileName: 'f.txt',
				binaryPropertyName: 'data',
			}),
		},
	];

	it.each(ROUTES)(
		'200 with status:false on $name is an error with the API reason',
		async (route) => {
			const { box } = await setUp();
			await fixture.control.injectFaults({
				kind: 'status-false',
				message: 'Temporarily disabled.',
				method: route.method,
				pathPrefix: route.pathPrefix,
			});
			const run = await runTempMail(fixture, route.parameters(box.email));
			expect(run.error?.message).toBe(
				'The Temp Mail API reported a failure: Temporarily disabled.',
			);
			expect(run.items).toEqual([]);
			recordReliability({
				area: 'Variants',
				case: `200 with status:false on ${route.name}`,
				result: `fails with "${run.error?.message}"; nothing output, no file stored`,
			});
		},
	);

	it.each(['status-message', 'errors', 'message-errors', 'message', 'error'] as const)(
		'422 as %s names the field and the reason',
		async (shape) => {
			const { box } = await setUp();
			await fixture.control.injectFaults({
				kind: 'status',
				status: 422,
				shape,
				field: 'username',
				message: 'The username is reserved.',
			});
			const run = await runTempMail(fixture, ROUTES[3].parameters(box.email));
			expect(run.error?.message).toBe(
				'The Temp Mail API refused the input (422): The username is reserved.',
			);
			recordReliability({
				area: 'Variants',
				case: `Mailbox → Switch answered 422 as ${shape}`,
				result: `fails with "${run.error?.message}"`,
			});
		},
	);
});
