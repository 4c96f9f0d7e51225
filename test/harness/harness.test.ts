/**
 * Proves the in-process engine harness (test/harness) with small inline node types:
 * real WorkflowExecute, real credential authentication, filesystem binary data,
 * expressions, errors / continue-on-fail, cancellation and polling state.
 */
// The harness must be imported before anything that loads n8n-core.
import {
	BINARY_DATA_PATH,
	PollRunError,
	binaryFilePath,
	binarySha256,
	chain,
	isStoredBinary,
	logsToText,
	readBinaryBuffer,
	runLoadOptions,
	runPoll,
	runWorkflow,
	sha256,
	startNode,
	startWorkflow,
	workflowNode,
} from '.';

import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type {
	IAuthenticateGeneric,
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';

// ---------------------------------------------------------------------------------------
// A tiny HTTP server standing in for a remote API
// ---------------------------------------------------------------------------------------

const API_KEY = 'sk-test-5f1c0ffee-harness-secret';
const BIG_FILE = randomBytes(5 * 1024 * 1024);
const BIG_FILE_SHA256 = sha256(BIG_FILE);

interface ReceivedRequest {
	method?: string;
	url?: string;
	headers: http.IncomingHttpHeaders;
}

const received: ReceivedRequest[] = [];
const messages: Array<{ id: number; subject: string }> = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		received.push({ method: req.method, url: req.url, headers: req.headers });
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');

		if (req.headers.authorization !== `Bearer ${API_KEY}`) {
			res.writeHead(401, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'unauthorized' }));
			return;
		}

		if (url.pathname === '/whoami') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ ok: true, tenant: url.searchParams.get('tenant') }));
			return;
		}

		if (url.pathname === '/big.bin') {
			res.writeHead(200, {
				'content-type': 'application/octet-stream',
				'content-length': String(BIG_FILE.length),
			});
			// Write in chunks so the client really receives a stream.
			let offset = 0;
			const writeMore = () => {
				while (offset < BIG_FILE.length) {
					const chunk = BIG_FILE.subarray(offset, offset + 64 * 1024);
					offset += chunk.length;
					if (!res.write(chunk)) {
						res.once('drain', writeMore);
						return;
					}
				}
				res.end();
			};
			writeMore();
			return;
		}

		if (url.pathname === '/messages') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(messages));
			return;
		}

		res.writeHead(404);
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	received.length = 0;
});

// ---------------------------------------------------------------------------------------
// Inline credential and node types
// ---------------------------------------------------------------------------------------

class TestApi implements ICredentialType {
	name = 'testApi';
	displayName = 'Test API';
	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Tenant', name: 'tenant', type: 'string', default: '' },
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
			qs: { tenant: '={{$credentials.tenant}}' },
		},
	};
}

function description(
	name: string,
	extra: Partial<INodeTypeDescription> = {},
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: `Harness test node ${name}`,
		defaults: { name },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
		...extra,
	};
}

const credentialsOfTestApi = { credentials: [{ name: 'testApi', required: true }] };
const nodeCredentials = { testApi: { id: 'cred-1', name: 'Test API account' } };

class WhoAmINode implements INodeType {
	description = description('test.whoAmI', credentialsOfTestApi);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials<{ baseUrl: string }>('testApi');
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
			method: 'GET',
			url: `${credentials.baseUrl}/whoami`,
			json: true,
		})) as { ok: boolean; tenant: string | null };
		this.logger.info('whoami answered', { ok: response.ok });
		return [[{ json: response }]];
	}
}

class DownloadNode implements INodeType {
	description = description('test.download', {
		...credentialsOfTestApi,
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/big.bin' }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials<{ baseUrl: string }>('testApi');
		const path = this.getNodeParameter('path', 0) as string;
		const stream = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
			method: 'GET',
			url: `${credentials.baseUrl}${path}`,
			encoding: 'stream',
		})) as Readable;
		const binary = await this.helpers.prepareBinaryData(
			stream,
			'big.bin',
			'application/octet-stream',
		);
		return [[{ json: { fileName: binary.fileName }, binary: { data: binary } }]];
	}
}

class EchoNode implements INodeType {
	description = description('test.echo', {
		properties: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_item, i) => ({
				json: { value: this.getNodeParameter('value', i) },
				pairedItem: { item: i },
			})),
		];
	}
}

class FailNode implements INodeType {
	description = description('test.fail');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			try {
				if (item.json.bad === true) throw new Error(`item ${i} is bad`);
				out.push({ json: { ok: i }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [out];
	}
}

class ThrowNode implements INodeType {
	description = description('test.throw');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		throw new NodeOperationError(this.getNode(), 'always fails');
	}
}

let sleeperStarted: () => void = () => {};
let sleeperFinishedNormally = false;

class SleepNode implements INodeType {
	description = description('test.sleep');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		sleeperStarted();
		await sleep(60_000, this.getExecutionCancelSignal());
		sleeperFinishedNormally = true;
		return [this.getInputData()];
	}
}

class PollerNode implements INodeType {
	description = description('test.poller', {
		group: ['trigger'],
		inputs: [],
		polling: true,
		...credentialsOfTestApi,
	});

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node');
		const credentials = await this.getCredentials<{ baseUrl: string }>('testApi');
		const all = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
			url: `${credentials.baseUrl}/messages`,
			json: true,
		})) as Array<{ id: number; subject: string }>;

		if (this.getMode() === 'manual') {
			// "Fetch test event": newest message, state untouched.
			const newest = all.at(-1);
			return newest ? [[{ json: newest }]] : null;
		}

		const lastId = typeof state.lastId === 'number' ? state.lastId : 0;
		const fresh = all.filter((message) => message.id > lastId);
		if (fresh.length === 0) return null;
		state.lastId = fresh[fresh.length - 1].id;
		return [fresh.map((message) => ({ json: message }))];
	}
}

class OptionsNode implements INodeType {
	description = description('test.options', {
		...credentialsOfTestApi,
		properties: [{ displayName: 'Prefix', name: 'prefix', type: 'string', default: '' }],
	});

	methods = {
		loadOptions: {
			async getSubjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const credentials = await this.getCredentials<{ baseUrl: string }>('testApi');
				const prefix = this.getCurrentNodeParameter('prefix') as string;
				const all = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
					url: `${credentials.baseUrl}/messages`,
					json: true,
				})) as Array<{ id: number; subject: string }>;
				return all.map((message) => ({ name: `${prefix}${message.subject}`, value: message.id }));
			},
		},
	};
}

const nodeTypes = {
	'test.whoAmI': new WhoAmINode(),
	'test.download': new DownloadNode(),
	'test.echo': new EchoNode(),
	'test.fail': new FailNode(),
	'test.sleep': new SleepNode(),
	'test.throw': new ThrowNode(),
};
const credentialTypes = [new TestApi()];
const credentials = () => ({ testApi: { apiKey: API_KEY, baseUrl, tenant: 'acme' } });

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

describe('in-process engine harness', () => {
	test('generic credential authenticate puts the Bearer header (and qs) on the real request', async () => {
		const result = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Who', 'test.whoAmI', {}, { credentials: nodeCredentials }),
				],
				connections: chain('Start', 'Who'),
			},
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
		});

		expect(result.run.status).toBe('success');
		expect(result.executedNodes).toEqual(['Start', 'Who']);
		expect(result.outputOf('Who')).toEqual([
			{ json: { ok: true, tenant: 'acme' }, pairedItem: { item: 0 } },
		]);
		expect(received).toHaveLength(1);
		expect(received[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(received[0].url).toBe('/whoami?tenant=acme');

		// The node's own log line is captured, the secret is not.
		expect(result.logs.some((entry) => entry.message === 'whoami answered')).toBe(true);
		expect(result.logs.some((entry) => entry.message.includes('Workflow execution started'))).toBe(
			true,
		);
		expect(logsToText(result.logs)).not.toContain(API_KEY);
	});

	test('a 5 MB streamed download lands on disk in filesystem mode with the same SHA-256', async () => {
		const result = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Download', 'test.download', {}, { credentials: nodeCredentials }),
				],
				connections: chain('Start', 'Download'),
			},
			nodeTypes,
			credentialTypes,
			credentials: credentials(),
		});

		expect(result.errorOf('Download')).toBeUndefined();
		const [item] = result.outputOf('Download');
		const binary = item.binary!.data;

		// Stored, not inline: n8n 2.41 ids look like
		// "filesystem-v2:workflows/<workflowId>/executions/<executionId>/binary_data/<uuid>".
		expect(isStoredBinary(binary)).toBe(true);
		expect(binary.id).toMatch(
			new RegExp(
				`^filesystem-v2:workflows/harness-workflow/executions/${result.executionId}/binary_data/`,
			),
		);
		expect(binary.data).toBe('filesystem-v2');
		expect(binary.bytes).toBe(BIG_FILE.length);
		expect(binary.mimeType).toBe('application/octet-stream');

		const file = await binaryFilePath(binary);
		expect(file.startsWith(BINARY_DATA_PATH)).toBe(true);
		expect(existsSync(file)).toBe(true);
		expect(statSync(file).size).toBe(BIG_FILE.length);
		expect(await binarySha256(binary)).toBe(BIG_FILE_SHA256);
		expect(sha256(await readBinaryBuffer(binary))).toBe(BIG_FILE_SHA256);
	});

	test('expressions in parameters resolve against each item', async () => {
		const result = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Echo', 'test.echo', { value: '={{ $json.id }}' }),
					workflowNode('Echo 2', 'test.echo', {
						value: "=id {{ $('Start').item.json.id }} / {{ $json.value }}",
					}),
				],
				connections: chain('Start', 'Echo', 'Echo 2'),
			},
			nodeTypes,
			inputItems: [{ json: { id: 7 } }, { json: { id: 'abc' } }],
		});

		expect(result.outputOf('Echo').map((item) => item.json.value)).toEqual([7, 'abc']);
		expect(result.outputOf('Echo 2').map((item) => item.json.value)).toEqual([
			'id 7 / 7',
			'id abc / abc',
		]);
	});

	test('a node error surfaces in errorOf, and continueRegularOutput turns it into error items', async () => {
		const inputItems = [{ json: { bad: false } }, { json: { bad: true } }];
		const failing = await runWorkflow({
			workflow: {
				nodes: [startNode(), workflowNode('Fail', 'test.fail'), workflowNode('After', 'test.echo')],
				connections: chain('Start', 'Fail', 'After'),
			},
			nodeTypes,
			inputItems,
		});
		expect(failing.run.status).toBe('error');
		expect(failing.errorOf('Fail')?.message).toBe('item 1 is bad');
		expect(failing.run.data.resultData.error?.message).toBe('item 1 is bad');
		expect(failing.executedNodes).toEqual(['Start', 'Fail']);
		expect(() => failing.outputOf('After')).toThrow(/did not run/);

		const continuing = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Fail', 'test.fail', {}, { onError: 'continueRegularOutput' }),
					workflowNode('After', 'test.echo', { value: '={{ $json.error ?? "fine" }}' }),
				],
				connections: chain('Start', 'Fail', 'After'),
			},
			nodeTypes,
			inputItems,
		});
		expect(continuing.run.status).toBe('success');
		expect(continuing.errorOf('Fail')).toBeUndefined();
		expect(continuing.outputOf('Fail').map((item) => item.json)).toEqual([
			{ ok: 0 },
			{ error: 'item 1 is bad' },
		]);
		expect(continuing.outputOf('After').map((item) => item.json.value)).toEqual([
			'fine',
			'item 1 is bad',
		]);

		// A node that throws regardless: n8n records the error and passes its input through.
		const throwing = await runWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Throw', 'test.throw', {}, { onError: 'continueRegularOutput' }),
					workflowNode('After', 'test.echo', { value: 'reached' }),
				],
				connections: chain('Start', 'Throw', 'After'),
			},
			nodeTypes,
			inputItems,
		});
		expect(throwing.run.status).toBe('success');
		expect(throwing.errorOf('Throw')?.message).toBe('always fails');
		expect(throwing.outputOf('Throw').map((item) => item.json)).toEqual(
			inputItems.map((item) => item.json),
		);
		expect(throwing.outputOf('After')).toHaveLength(2);
	});

	test('cancel() ends a node awaiting sleep() on the execution cancel signal', async () => {
		sleeperFinishedNormally = false;
		const started = new Promise<void>((resolve) => (sleeperStarted = resolve));
		const handle = startWorkflow({
			workflow: {
				nodes: [
					startNode(),
					workflowNode('Sleep', 'test.sleep'),
					workflowNode('After', 'test.echo'),
				],
				connections: chain('Start', 'Sleep', 'After'),
			},
			nodeTypes,
		});
		await started;
		const t0 = Date.now();
		handle.cancel();
		const result = await handle.done;

		expect(Date.now() - t0).toBeLessThan(5_000);
		expect(sleeperFinishedNormally).toBe(false);
		expect(result.run.status).toBe('canceled');
		expect(result.executedNodes).not.toContain('After');
	});

	test('an AbortSignal passed to runWorkflow cancels the run too', async () => {
		const started = new Promise<void>((resolve) => (sleeperStarted = resolve));
		const controller = new AbortController();
		const done = runWorkflow({
			workflow: {
				nodes: [startNode(), workflowNode('Sleep', 'test.sleep')],
				connections: chain('Start', 'Sleep'),
			},
			nodeTypes,
			abortSignal: controller.signal,
		});
		await started;
		controller.abort();
		const result = await done;
		expect(result.run.status).toBe('canceled');
	});

	test('a poll node keeps its cursor in node static data across runPoll calls', async () => {
		messages.length = 0;
		messages.push({ id: 1, subject: 'one' }, { id: 2, subject: 'two' });
		const poller = new PollerNode();
		const common = { nodeType: poller, credentialTypes, credentials: credentials() };

		const first = await runPoll({ ...common, mode: 'trigger' });
		expect(first.result?.[0].map((item) => item.json.id)).toEqual([1, 2]);
		expect(first.staticData).toEqual({ 'node:test.poller': { lastId: 2 } });
		expect(first.staticDataChanged).toBe(true);

		const second = await runPoll({ ...common, staticData: first.staticData });
		expect(second.result).toBeNull();
		expect(second.staticData).toEqual(first.staticData);

		messages.push({ id: 3, subject: 'three' });
		const third = await runPoll({ ...common, staticData: second.staticData });
		expect(third.result?.[0].map((item) => item.json)).toEqual([{ id: 3, subject: 'three' }]);
		expect(third.staticData).toEqual({ 'node:test.poller': { lastId: 3 } });

		// "Fetch test event" returns the newest message and leaves the cursor alone.
		const manual = await runPoll({ ...common, mode: 'manual', staticData: third.staticData });
		expect(manual.result?.[0].map((item) => item.json.id)).toEqual([3]);
		expect(manual.staticData).toEqual(third.staticData);

		// Every poll authenticated with the credential's header; the key never hit the logs.
		expect(received.every((request) => request.headers.authorization === `Bearer ${API_KEY}`)).toBe(
			true,
		);
		expect(logsToText([...first.logs, ...second.logs, ...third.logs])).not.toContain(API_KEY);
	});

	test('runLoadOptions calls a loadOptions method in a real LoadOptionsContext', async () => {
		messages.length = 0;
		messages.push({ id: 1, subject: 'one' });
		const { options } = await runLoadOptions({
			nodeType: new OptionsNode(),
			method: 'getSubjects',
			parameters: { prefix: '> ' },
			credentialTypes,
			credentials: credentials(),
		});
		expect(options).toEqual([{ name: '> one', value: 1 }]);
		expect(received[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	test('a failing poll rejects with PollRunError carrying the node error', async () => {
		const poller = new PollerNode();
		const promise = runPoll({
			nodeType: poller,
			credentialTypes,
			credentials: { testApi: { apiKey: 'wrong', baseUrl, tenant: 'acme' } },
		});
		await expect(promise).rejects.toBeInstanceOf(PollRunError);
		await expect(promise).rejects.toThrow(/401|unauthorized|Authorization failed/i);
	});
});
