import type { ApiAttachment, ApiDomains, ApiMailbox, ApiMessage, ApiMessageList } from './types';

/** The API answered 2xx with a body that is not the documented shape. */
export class UnexpectedShapeError extends Error {
	constructor(
		readonly expected: string,
		readonly found: string,
	) {
		super(`expected ${expected}, found ${found}`);
	}
}

type Obj = Record<string, unknown>;

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (typeof value === 'string') {
		const preview = value.replace(/\s+/g, ' ').trim().slice(0, 80);
		return value.trim() === ''
			? 'an empty body'
			: `the text "${preview}${value.length > 80 ? '…' : ''}"`;
	}
	if (typeof value === 'object')
		return `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`;
	return `${typeof value} ${String(value)}`;
}

function isObj(value: unknown): value is Obj {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function obj(value: unknown, what: string): Obj {
	if (!isObj(value)) throw new UnexpectedShapeError(what, describeValue(value));
	return value;
}

function str(o: Obj, key: string, what: string, required = true): string {
	const value = o[key];
	if (typeof value === 'string' && (value !== '' || !required)) return value;
	if (typeof value === 'number') return String(value);
	if (!required && (value === undefined || value === null)) return '';
	throw new UnexpectedShapeError(
		`${what} with a text "${key}"`,
		`${key} = ${describeValue(value)}`,
	);
}

function num(o: Obj, key: string): number | null {
	const value = o[key];
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
		return Number(value);
	return null;
}

/** The `data` member of `{status: true, data: {...}}`. */
function dataOf(body: Obj, what: string): Obj {
	return obj(body.data, `a "data" object holding ${what}`);
}

export function toDomains(body: Obj): ApiDomains {
	const data = dataOf(body, 'the domains');
	if (!Array.isArray(data.domains)) {
		throw new UnexpectedShapeError('a "domains" list', describeValue(data.domains));
	}
	const allowed = Array.isArray(data.allowed_types) ? data.allowed_types.map(String) : [];
	return {
		requested_type: typeof data.requested_type === 'string' ? data.requested_type : '',
		allowed_types: allowed,
		domains: data.domains.map((entry) => {
			const d = obj(entry, 'a domain object');
			return {
				domain: str(d, 'domain', 'a domain'),
				type: str(d, 'type', 'a domain', false),
				custom: d.custom === true,
			};
		}),
	};
}

export function toMailbox(body: Obj): ApiMailbox {
	const m = dataOf(body, 'the mailbox');
	const email = str(m, 'email', 'a mailbox');
	if (!email.includes('@'))
		throw new UnexpectedShapeError('a mailbox address', `"${email.slice(0, 80)}"`);
	return {
		id: typeof m.id === 'number' ? m.id : str(m, 'id', 'a mailbox'),
		email,
		domain: str(m, 'domain', 'a mailbox', false) || email.slice(email.lastIndexOf('@') + 1),
		expire_at: str(m, 'expire_at', 'a mailbox', false),
		expires_in_seconds: num(m, 'expires_in_seconds') ?? 0,
		created_at: str(m, 'created_at', 'a mailbox', false),
		email_token: str(m, 'email_token', 'a mailbox', false),
	};
}

function toAttachment(value: unknown): ApiAttachment {
	const a = obj(value, 'an attachment object');
	// An empty or missing name is kept (as ''): that one file cannot be fetched, which the
	// attachment download reports for it alone; the message and its mailbox stay readable.
	const name = str(a, 'name', 'an attachment', false);
	return {
		name,
		extension: str(a, 'extension', 'an attachment', false),
		size: num(a, 'size') ?? 0,
		url: str(a, 'url', 'an attachment', false),
	};
}

function toMessage(value: unknown): ApiMessage {
	const m = obj(value, 'a message object');
	const attachments = m.attachments === undefined || m.attachments === null ? [] : m.attachments;
	if (!Array.isArray(attachments)) {
		throw new UnexpectedShapeError('an "attachments" list', describeValue(attachments));
	}
	return {
		id: str(m, 'id', 'a message'),
		is_seen: m.is_seen === true,
		subject: str(m, 'subject', 'a message', false),
		from: str(m, 'from', 'a message', false),
		from_email: str(m, 'from_email', 'a message', false),
		to: str(m, 'to', 'a message', false),
		receivedAt: str(m, 'receivedAt', 'a message', false),
		html: m.html === true,
		content: str(m, 'content', 'a message', false),
		attachments: attachments.map(toAttachment),
	};
}

export function toMessageList(body: Obj): ApiMessageList {
	if (!Array.isArray(body.messages)) {
		throw new UnexpectedShapeError('a "messages" list', describeValue(body.messages));
	}
	return {
		mailbox: typeof body.mailbox === 'string' ? body.mailbox : '',
		messages: body.messages.map(toMessage),
	};
}

export function toSingleMessage(body: Obj): ApiMessage {
	return toMessage(dataOf(body, 'the message'));
}
