import { expectError, runTempMail, useSimulator } from '../../../support/tempmail';

// Empty values come from expressions: the editor already blocks a literal empty required field.
describe('bad input fails before any request (engine)', () => {
	const fixture = useSimulator();

	it.each([
		[
			{ resource: 'message', operation: 'getAll', email: '={{ $json.missing }}', returnAll: true },
			'Mailbox Address: is empty',
		],
		[
			{ resource: 'message', operation: 'getAll', email: 'not-an-address', returnAll: true },
			'not an email address',
		],
		[{ resource: 'mailbox', operation: 'delete', email: '   ' }, 'Mailbox Address: is empty'],
		[
			{ resource: 'message', operation: 'get', messageId: '={{ $json.missing }}' },
			'Message ID: is empty',
		],
		[
			{ resource: 'message', operation: 'delete', messageId: '..' },
			'Message ID: ".." is not a valid value',
		],
		[
			{
				resource: 'attachment',
				operation: 'download',
				messageId: 'm1',
				fileName: '={{ "" }}',
				binaryPropertyName: 'data',
			},
			'File Name: is empty',
		],
		[
			{
				resource: 'mailbox',
				operation: 'switch',
				email: 'a@tempmail.test',
				username: 'has space',
				domain: 'tempmail.test',
			},
			'New Username',
		],
		[
			{
				resource: 'mailbox',
				operation: 'switch',
				email: 'a@tempmail.test',
				username: 'me@x.com',
				domain: 'tempmail.test',
			},
			'part before "@"',
		],
	])('%o → %s', async (parameters, expected) => {
		const error = expectError(await runTempMail(fixture, parameters));
		expect(error.message).toContain(expected);
		expect(error.name).toBe('NodeOperationError');
		expect(await fixture.control.requests()).toHaveLength(0);
	});
});
