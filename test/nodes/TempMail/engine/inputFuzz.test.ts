import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import { recordReliability } from '../../../support/reliability';
import { runTempMail, useSimulator } from '../../../support/tempmail';

/**
 * Generated user input (unicode, control characters, path tricks, very long values):
 * the request that reaches the simulator carries each value as exactly one decoded path
 * segment, or the node refuses the input with a NodeOperationError and sends nothing.
 */
const PATH_TRICKS = [
	' ',
	'.',
	'..',
	'../x',
	'a/b',
	'%2F',
	'%2e%2e',
	'a?b=c',
	'#frag',
	'back\\slash',
	'tab\there',
	'new\nline',
	'\u0000',
	'ü✓',
	'@',
	'+',
];

// Not generated: values starting with "=" (n8n expressions, not literal input) and empty
// values (n8n itself refuses a workflow with an empty required parameter).
const hostileText = fc
	.oneof(
		fc.constantFrom(...PATH_TRICKS),
		fc.string({ unit: 'binary', maxLength: 40 }),
		fc.string({ unit: 'grapheme', maxLength: 20 }),
		fc
			.array(fc.constantFrom(...PATH_TRICKS, 'a', '.', '/', '%'), { maxLength: 8 })
			.map((parts) => parts.join('')),
		fc.string({ minLength: 300, maxLength: 3000 }),
	)
	.filter((value) => value !== '' && !value.startsWith('='));

interface Case {
	parameters: INodeParameters;
	/** The path segments the simulator must see, decoded (the node trims surrounding whitespace, as from expressions, except in file names, which must match the listed name exactly). */
	segments: string[];
}

const cases: Record<string, fc.Arbitrary<Case>> = {
	'Message → Get (message id)': hostileText.map((id) => ({
		parameters: { resource: 'message', operation: 'get', messageId: id },
		segments: ['api', 'messages', id.trim()],
	})),
	'Message → Delete (message id)': hostileText.map((id) => ({
		parameters: { resource: 'message', operation: 'delete', messageId: id },
		segments: ['api', 'messages', id.trim()],
	})),
	'Attachment → Download (message id, file name)': fc
		.tuple(hostileText, hostileText)
		.map(([id, name]) => ({
			parameters: {
				resource: 'attachment',
				operation: 'download',
				messageId: id,
				fileName: name,
				binaryPropertyName: 'data',
			},
			segments: ['api', 'messages', id.trim(), 'attachments', name],
		})),
	'Mailbox → Switch (address, username, domain)': fc
		.tuple(hostileText, hostileText, hostileText)
		.map(([email, username, domain]) => ({
			parameters: { resource: 'mailbox', operation: 'switch', email, username, domain },
			segments: ['api', 'emails', email.trim(), username.trim(), domain.trim()],
		})),
	// Username and domain are allow-listed, so the case above is nearly always refused:
	// these two keep them valid and put the path tricks into the address around its "@".
	'Mailbox → Switch (address with path tricks)': fc
		.tuple(hostileText, hostileText)
		.map(([name, host]) => {
			const email = `${name}@${host}`;
			return {
				parameters: {
					resource: 'mailbox',
					operation: 'switch',
					email,
					username: 'next.one',
					domain: 'tempmail.test',
				},
				segments: ['api', 'emails', email.trim(), 'next.one', 'tempmail.test'],
			};
		}),
	'Mailbox → Delete (address with path tricks)': fc
		.tuple(hostileText, hostileText)
		.map(([name, host]) => {
			const email = `${name}@${host}`;
			return {
				parameters: { resource: 'mailbox', operation: 'delete', email },
				segments: ['api', 'emails', email.trim()],
			};
		}),
};

describe('generated user input stays inside its own path segment, or is refused before sending (engine, simulator)', () => {
	const fixture = useSimulator();
	const tally = { sent: 0, refused: 0 };

	afterAll(() => {
		process.stdout.write(
			`input fuzz: ${tally.sent} requests checked segment by segment, ${tally.refused} inputs refused before sending\n`,
		);
	});

	it.each(Object.keys(cases))('%s', async (name) => {
		const before = { ...tally };
		await fc.assert(
			fc.asyncProperty(cases[name], async ({ parameters, segments }) => {
				await fixture.control.clearRequests();
				const run = await runTempMail(fixture, parameters);
				const requests = (await fixture.control.requests()).filter((r) =>
					r.rawPath.startsWith('/api/'),
				);
				if (requests.length === 0) {
					tally.refused++;
					expect({
						name: run.error?.name,
						hasMessage: (run.error?.message.length ?? 0) > 10,
					}).toEqual({ name: 'NodeOperationError', hasMessage: true });
					return;
				}
				tally.sent++;
				for (const request of requests) expect(request.segments).toEqual(segments);
			}),
			{ numRuns: 40 },
		);
		recordReliability({
			area: 'Bad input',
			case: `${name}: 40 generated values (unicode, control characters, path tricks, 3,000 chars)`,
			result: `${tally.sent - before.sent} requests each value in its own path segment; ${tally.refused - before.refused} refused before sending with a NodeOperationError`,
		});
	});
});
