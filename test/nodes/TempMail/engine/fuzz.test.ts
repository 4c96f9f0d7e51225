/**
 * Property-based robustness test: every operation, answered by the simulator with a
 * generated (mostly broken) response, either succeeds with a sane output or fails with a
 * NodeApiError / NodeOperationError carrying a message; never a TypeError, never a hang,
 * never a dropped item under Continue On Fail.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { recordReliability } from '../../../support/reliability';
import { NO_RETRIES } from '../../../support/retries';
import { runTempMail, useSimulator } from '../../../support/tempmail';
import type { NodeRun } from '../../../support/tempmail';

jest.setTimeout(170_000);

const EMAIL = 'fuzzbox1@tempmail.test';
const MESSAGE_ID = 'fuzzmessage1';

interface Operation {
	label: string;
	parameters: INodeParameters;
	runs: number;
}

const OPERATIONS: Operation[] = [
	{
		label: 'Domain Get Many',
		parameters: { resource: 'domain', operation: 'getAll', type: 'free' },
		runs: 222,
	},
	{ label: 'Mailbox Create', parameters: { resource: 'mailbox', operation: 'create' }, runs: 222 },
	{
		label: 'Mailbox Switch',
		parameters: {
			resource: 'mailbox',
			operation: 'switch',
			email: EMAIL,
			username: 'next.one',
			domain: 'tempmail.test',
		},
		runs: 222,
	},
	{
		label: 'Mailbox Delete',
		parameters: { resource: 'mailbox', operation: 'delete', email: EMAIL },
		runs: 222,
	},
	{
		label: 'Message Get Many',
		parameters: { resource: 'message', operation: 'getAll', email: EMAIL, returnAll: true },
		runs: 222,
	},
	{
		label: 'Message Get',
		parameters: { resource: 'message', operation: 'get', messageId: MESSAGE_ID },
		runs: 222,
	},
	{
		label: 'Message Delete',
		parameters: { resource: 'message', operation: 'delete', messageId: MESSAGE_ID },
		runs: 222,
	},
	{
		label: 'Attachment Download',
		parameters: {
			resource: 'attachment',
			operation: 'download',
			messageId: MESSAGE_ID,
			fileName: 'a.txt',
			binaryPropertyName: 'data',
		},
		runs: 222,
	},
	{ label: 'Quota Get', parameters: { resource: 'quota', operation: 'get' }, runs: 222 },
	// Each Wait For case waits out its 2 s timeout when the answers are only transient failures.
	{
		label: 'Message Wait For',
		parameters: {
			resource: 'message',
			operation: 'waitFor',
			email: EMAIL,
			timeout: 2,
			interval: 2,
		},
		runs: 12,
	},
];

const STATUSES = [
	200, 200, 200, 201, 204, 300, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 418, 422,
	429, 500, 502, 503, 504, 599,
];
const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'text/html',
	'application/octet-stream',
	'application/problem+json',
];
const FIELDS = [
	'status',
	'message',
	'email',
	'id',
	'domain',
	'domains',
	'emails',
	'messages',
	'mailbox',
	'attachment',
	'attachments',
	'created_at',
	'expire_at',
	'expires_in_seconds',
	'email_token',
	'from',
	'from_email',
	'to',
	'subject',
	'content',
	'name',
	'size',
	'type',
	'url',
	'extension',
	'quota',
	'used',
	'limit',
	'remaining',
	'data',
];

const HUGE = 'x'.repeat(1024 * 1024);
const HTML =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

const scalar = fc.oneof(
	fc.constantFrom<unknown>(
		null,
		true,
		false,
		0,
		-1,
		1.5,
		'',
		'true',
		'null',
		'[]',
		'{}',
		HUGE,
		Number.MAX_SAFE_INTEGER,
	),
	fc.string({ maxLength: 20 }),
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
	v: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		scalar,
		fc.array(tie('v'), { maxLength: 3 }),
		fc.dictionary(fc.constantFrom(...FIELDS), tie('v'), { maxKeys: 4 }),
	),
})).v;

/** A JSON object that looks more or less like an API answer. */
const jsonObject = fc
	.record({
		status: fc.oneof(fc.constant(true), fc.constant(true), scalar),
		extra: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), value, {
			maxKeys: 6,
		}),
	})
	.map(({ status, extra }) => ({ ...extra, status }) as IDataObject);

const jsonBody = fc.oneof(jsonObject, jsonObject, value);
const rawBody = fc.oneof(
	jsonBody.map((v) => JSON.stringify(v) ?? ''),
	fc.tuple(jsonObject, fc.nat()).map(([v, cut]) => {
		const text = JSON.stringify(v);
		return text.slice(0, cut % Math.max(text.length, 1));
	}),
	fc.constantFrom(
		'',
		' ',
		'null',
		'OK',
		HTML,
		HUGE,
		`{"status":true,"x":"${HUGE}`,
		'\u0000\u00ff',
		'{"status":true',
	),
	fc.string({ maxLength: 40 }),
);

type Fault = Record<string, unknown>;
const fault: fc.Arbitrary<Fault> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('body'),
			status: fc.constantFrom(...STATUSES),
			contentType: fc.constantFrom(...CONTENT_TYPES),
			body: fc.oneof(jsonBody, rawBody),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('status'),
			status: fc.constantFrom(...STATUSES.filter((s) => s >= 400)),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('status-false'),
			message: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(HUGE)),
		}),
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('malformed') }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('html'),
			status: fc.constantFrom(200, 404, 500, 502, 503),
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'drop' }) },
);

const BAD_MESSAGE =
	/TypeError|Cannot read propert|is not a function|is not iterable|undefined is not|of undefined|of null|Maximum call stack/;
const CASE_TIMEOUT_MS = 20_000;

function describeFault(f: Fault): string {
	return JSON.stringify(f, (_k, v: unknown) =>
		typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
	);
}

function checkErrorMessage(message: unknown, where: string): void {
	if (typeof message !== 'string' || message.trim() === '')
		throw new Error(`${where}: empty error message`);
	if (BAD_MESSAGE.test(message))
		throw new Error(`${where}: programming error leaked: ${message.slice(0, 300)}`);
}

function checkSuccessItem(op: Operation, item: INodeExecutionData, where: string): void {
	if (typeof item.json !== 'object' || item.json === null || Array.isArray(item.json))
		throw new Error(`${where}: item json is not an object`);
	if (op.parameters.operation === 'download' && !item.binary?.data)
		throw new Error(`${where}: download without binary data`);
}

const outcomes: Record<string, number> = {};
let cases = 0;
const count = (key: string) => {
	outcomes[key] = (outcomes[key] ?? 0) + 1;
};

describe('fuzzed API answers (engine, simulator)', () => {
	const fixture = useSimulator();

	afterAll(() => {
		const summary = Object.entries(outcomes)
			.sort()
			.map(([k, n]) => `${k}=${n}`)
			.join(' ');
		console.log(`fuzz: ${cases} cases; ${summary}`);
	});

	async function runCase(op: Operation, f: Fault, continueOnFail: boolean): Promise<void> {
		await fixture.control.clearFaults();
		await fixture.control.injectFaults({ ...f, count: 50 } as never);
		let timer: NodeJS.Timeout | undefined;
		let run: NodeRun;
		try {
			run = await Promise.race([
				runTempMail(
					fixture,
					{ ...op.parameters, ...NO_RETRIES },
					continueOnFail
						? { continueOnFail: true, inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }] }
						: {},
				),
				new Promise<never>((_resolve, reject) => {
					timer = setTimeout(
						() => reject(new Error(`hang: no result within ${CASE_TIMEOUT_MS} ms`)),
						CASE_TIMEOUT_MS,
					);
				}),
			]);
		} finally {
			clearTimeout(timer);
			await fixture.control.clearFaults();
		}
		cases++;
		const where = `${op.label} ${continueOnFail ? '(continue on fail) ' : ''}${describeFault(f)}`;
		if (continueOnFail) {
			if (run.error)
				throw new Error(`${where}: node failed despite Continue On Fail: ${run.error.message}`);
			if (run.items.length !== 2)
				throw new Error(`${where}: expected 2 items, got ${run.items.length}`);
			for (const item of run.items) {
				if ('error' in item.json) {
					checkErrorMessage(item.json.error, where);
					count('itemError');
				} else {
					checkSuccessItem(op, item, where);
					count('itemOk');
				}
			}
			return;
		}
		if (run.error) {
			const { name, message } = run.error;
			if (name !== 'NodeApiError' && name !== 'NodeOperationError')
				throw new Error(`${where}: error of type ${name}: ${message}`);
			checkErrorMessage(message, where);
			count(name);
		} else {
			for (const item of run.items) checkSuccessItem(op, item, where);
			count('ok');
		}
	}

	for (const op of OPERATIONS) {
		it(`${op.label}: fails cleanly or succeeds on any answer`, async () => {
			const before = { ...outcomes };
			const casesBefore = cases;
			await fc.assert(
				fc.asyncProperty(fault, fc.boolean(), async (f, continueOnFail) => {
					await runCase(op, f, continueOnFail);
				}),
				{ numRuns: op.runs, endOnFailure: true },
			);
			const tally = Object.keys(outcomes)
				.sort()
				.map((key) => `${key} ${outcomes[key] - (before[key] ?? 0)}`)
				.filter((entry) => !entry.endsWith(' 0'));
			recordReliability({
				area: 'Faults',
				case: `${op.label}: ${cases - casesBefore} generated API answers (codes, bodies, types, HTML, truncation, drops)`,
				result: `no TypeError, hang or lost item: ${tally.join(', ')}`,
			});
		});
	}
});
