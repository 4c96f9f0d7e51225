import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * Input checks made before any request, so a typo costs no quota and the
 * error names the field to fix. Dot-only values are refused because URL
 * normalisation would turn them into a different path.
 */
function fail(node: INode, field: string, problem: string, itemIndex: number): never {
	throw new NodeOperationError(node, `${field}: ${problem}`, {
		itemIndex,
		description: `Fix the "${field}" parameter (item ${itemIndex}).`,
	});
}

function text(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number') return String(value);
	return '';
}

function hasControlCharacters(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

function checkSegment(node: INode, field: string, value: string, itemIndex: number) {
	if (value === '') fail(node, field, 'is empty', itemIndex);
	if (value === '.' || value === '..')
		fail(node, field, `"${value}" is not a valid value`, itemIndex);
	if (hasControlCharacters(value)) fail(node, field, 'contains control characters', itemIndex);
	if (value.length > 1024) fail(node, field, `is too long (${value.length} characters)`, itemIndex);
}

export function mailboxAddress(
	node: INode,
	value: unknown,
	itemIndex: number,
	field = 'Mailbox Address',
): string {
	const address = text(value);
	checkSegment(node, field, address, itemIndex);
	const at = address.lastIndexOf('@');
	if (at <= 0 || at === address.length - 1) {
		fail(
			node,
			field,
			`"${address.slice(0, 100)}" is not an email address (expected name@domain)`,
			itemIndex,
		);
	}
	if (/\s/.test(address))
		fail(node, field, `"${address.slice(0, 100)}" contains spaces`, itemIndex);
	return address;
}

export function messageId(node: INode, value: unknown, itemIndex: number): string {
	const id = text(value);
	checkSegment(node, 'Message ID', id, itemIndex);
	return id;
}

export function fileName(node: INode, value: unknown, itemIndex: number): string {
	// Kept exactly, surrounding spaces too: it must match the name the API listed, and an
	// expression such as {{ $json.attachments[0].name }} hands that over unchanged.
	const name = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (name.trim() === '') fail(node, 'File Name', 'is empty', itemIndex);
	checkSegment(node, 'File Name', name, itemIndex);
	return name;
}

/** The local part of a new address: the API accepts letters, digits, dot, underscore and hyphen. */
export function username(node: INode, value: unknown, itemIndex: number): string {
	const name = text(value);
	checkSegment(node, 'New Username', name, itemIndex);
	if (name.includes('@'))
		fail(
			node,
			'New Username',
			'give only the part before "@" (pick the domain separately)',
			itemIndex,
		);
	if (!/^[A-Za-z0-9._-]+$/.test(name)) {
		fail(
			node,
			'New Username',
			`"${name.slice(0, 100)}" may only contain letters, digits, ".", "_" and "-"`,
			itemIndex,
		);
	}
	if (name.length > 64) fail(node, 'New Username', 'is longer than 64 characters', itemIndex);
	return name;
}

export function domainName(node: INode, value: unknown, itemIndex: number): string {
	const domain = text(value).replace(/^@/, '');
	checkSegment(node, 'Domain', domain, itemIndex);
	if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) {
		fail(
			node,
			'Domain',
			`"${domain.slice(0, 100)}" is not a domain name (example: example.com)`,
			itemIndex,
		);
	}
	return domain;
}
