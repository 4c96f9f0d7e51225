import type { IDataObject } from 'n8n-workflow';

import type { ApiMailbox, ApiMessage } from '../transport/types';

/** The compact message shape shared by every message output (action node and trigger). */
export function simplifyMessage(message: ApiMessage): IDataObject {
	return {
		id: message.id,
		from: message.from_email,
		fromName: message.from,
		to: message.to,
		subject: message.subject,
		receivedAt: message.receivedAt,
		seen: message.is_seen,
		isHtml: message.html,
		content: message.content,
		attachments: message.attachments.map(({ name, size }) => ({ name, size })),
	};
}

export function messageOutput(message: ApiMessage, simplify: boolean): IDataObject {
	if (simplify) return simplifyMessage(message);
	return { ...message, attachments: message.attachments.map((a) => ({ ...a })) };
}

export function mailboxOutput(mailbox: ApiMailbox): IDataObject {
	return {
		id: mailbox.id,
		email: mailbox.email,
		domain: mailbox.domain,
		expiresAt: mailbox.expire_at,
		expiresInSeconds: mailbox.expires_in_seconds,
		createdAt: mailbox.created_at,
		token: mailbox.email_token,
	};
}
