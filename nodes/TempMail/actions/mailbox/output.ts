import type { IDataObject } from 'n8n-workflow';

import type { ApiMailbox } from '../../transport/types';

/** What Mailbox → Create and Switch output: the mailbox in the node's words. */
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
