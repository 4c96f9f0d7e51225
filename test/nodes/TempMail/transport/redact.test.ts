import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { redact, scrubBody } from '../../../../nodes/TempMail/transport/redact';

const KEY = 'sk-live-Zq81VerySecretKey';
const node: INode = {
	id: 'n1',
	name: 'Temp Mail',
	type: 'n8n-nodes-tempmail.tempMail',
	typeVersion: 1,
	position: [0, 0],
	parameters: { note: `user text ${KEY}` },
};

describe('redact', () => {
	it('scrubs the key from message, description, errorResponse, messages, context and a nested cause', () => {
		const error = new NodeApiError(
			node,
			{ httpCode: '401', message: 'rejected', apiMessage: `Invalid key ${KEY}` } as JsonObject,
			{
				message: `The API said ${KEY}`,
				description: `Bearer ${KEY}`,
			},
		);
		error.messages.push(`raw ${KEY}`);
		error.context.echoed = { headers: { Authorization: `Bearer ${KEY}` }, list: [KEY] };
		Object.assign(error, {
			cause: Object.assign(new Error(`socket ${KEY}`), {
				config: { headers: { Authorization: `Bearer ${KEY}` } },
			}),
		});

		redact(error, KEY);

		const everything = JSON.stringify({
			...error,
			node: undefined,
			message: error.message,
			cause: error.cause,
			causeMessage: (error.cause as Error).message,
		});
		expect(everything).not.toContain(KEY);
		expect(error.errorResponse?.apiMessage).toBe('Invalid key ***');
		expect(error.message).toBe('The API said ***');
		expect(error.description).toBe('Bearer ***');
		expect(error.stack).not.toContain(KEY);
	});

	it('survives reference cycles and leaves the node (the workflow parameters) unchanged', () => {
		const error = new Error(`cycle ${KEY}`);
		const loop: Record<string, unknown> = { text: KEY };
		loop.self = loop;
		Object.assign(error, { context: loop, node });
		redact(error, KEY);
		expect(loop.text).toBe('***');
		expect(node.parameters.note).toBe(`user text ${KEY}`);
	});

	it('does nothing for an empty or too short key (it would scrub ordinary text)', () => {
		const error = new Error('a b c');
		redact(error, '');
		redact(error, 'a');
		expect(error.message).toBe('a b c');
	});

	it('scrubs the key quoted back in base64 (as in an echoed Basic or Bearer header)', () => {
		const basic = Buffer.from(KEY).toString('base64');
		const bearer = Buffer.from(`Bearer ${KEY}`).toString('base64');
		const error = new Error(`Authorization: Basic ${basic} / ${bearer}`);
		redact(error, KEY);
		// Padding may stay: it carries no part of the key.
		expect(error.message).toMatch(/^Authorization: Basic \*\*\*=* \/ \*\*\*=*$/);
	});
});

describe('scrubBody', () => {
	it('scrubs the key from every string of a parsed body, at any depth, without touching the original', () => {
		const body = {
			status: true,
			data: { email: `x ${KEY}`, list: ['a', { token: `Bearer ${KEY}` }], n: 1 },
			same: { a: 'b' },
		};
		const scrubbed = scrubBody(body, KEY);
		expect(scrubbed).toEqual({
			status: true,
			data: { email: 'x ***', list: ['a', { token: 'Bearer ***' }], n: 1 },
			same: { a: 'b' },
		});
		expect(body.data.email).toBe(`x ${KEY}`);
		expect(scrubbed.same).toBe(body.same);
	});

	it('returns the very same body when it holds no key, and text bodies scrubbed', () => {
		const body = { status: true, messages: [{ id: 'a' }] };
		expect(scrubBody(body, KEY)).toBe(body);
		expect(scrubBody(`<html>${KEY}</html>`, KEY)).toBe('<html>***</html>');
		expect(scrubBody(`<html>${KEY}</html>`, '')).toBe(`<html>${KEY}</html>`);
	});
});
