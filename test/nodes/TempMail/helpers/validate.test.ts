import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	domainName,
	fileName,
	mailboxAddress,
	messageId,
	username,
} from '../../../../nodes/TempMail/helpers/validate';

const node: INode = {
	id: '1',
	name: 'Temp Mail',
	type: 'n8n-nodes-tempmail.tempMail',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function problemOf(check: () => unknown): string {
	try {
		check();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return (error as Error).message;
	}
	throw new Error('expected the input to be refused');
}

describe('input validation', () => {
	it('accepts good values and trims expression whitespace', () => {
		expect(mailboxAddress(node, ' box@example.com ', 0)).toBe('box@example.com');
		expect(messageId(node, 'ap94AWDg', 0)).toBe('ap94AWDg');
		expect(fileName(node, 'my report (1).pdf', 0)).toBe('my report (1).pdf');
		expect(username(node, 'signup.test-01_a', 0)).toBe('signup.test-01_a');
		expect(domainName(node, '@example.com', 0)).toBe('example.com');
	});

	it.each([
		[() => mailboxAddress(node, '', 0), 'Mailbox Address: is empty'],
		[() => mailboxAddress(node, 'no-at-sign', 0), 'not an email address'],
		[() => mailboxAddress(node, 'a b@example.com', 0), 'contains spaces'],
		[() => mailboxAddress(node, '@example.com', 0), 'not an email address'],
		[() => messageId(node, '   ', 0), 'Message ID: is empty'],
		[() => messageId(node, '..', 0), 'not a valid value'],
		[() => messageId(node, 'a\nb', 0), 'control characters'],
		[() => fileName(node, '', 0), 'File Name: is empty'],
		[() => fileName(node, '.', 0), 'not a valid value'],
		[() => username(node, 'me@example.com', 0), 'part before "@"'],
		[() => username(node, 'bad name', 0), 'may only contain'],
		[() => username(node, 'x'.repeat(65), 0), 'longer than 64'],
		[() => domainName(node, 'localhost', 0), 'not a domain name'],
	])('refuses bad input with a message naming the field (%#)', (check, expected) => {
		expect(problemOf(check)).toContain(expected);
	});

	it('tells which item failed', () => {
		try {
			messageId(node, '', 3);
		} catch (error) {
			expect((error as NodeOperationError).context.itemIndex).toBe(3);
			return;
		}
		throw new Error('expected a failure');
	});
});
