'use strict';

const { isoSeconds, zonelessDateTime } = require('./format');

/**
 * The documented mailbox shape (create and switch).
 * @param {import('./state').Mailbox} mailbox
 * @param {number} now epoch ms
 * @param {number} [skewMs] the API clock's skew (variants), added to the printed times
 */
function mailboxData(mailbox, now, skewMs = 0) {
	return {
		id: mailbox.id,
		email: mailbox.email,
		domain: mailbox.domain,
		expire_at: isoSeconds(mailbox.expireAt + skewMs),
		expires_in_seconds: Math.max(0, Math.ceil((mailbox.expireAt - now) / 1000)),
		created_at: isoSeconds(mailbox.createdAt + skewMs),
		email_token: mailbox.token,
	};
}

/**
 * The documented message shape, fields in the documented order. Attachment URLs are
 * absolute and built from `publicBaseUrl`, which tests may point at another origin.
 * @param {import('./state').Message} message
 * @param {string} publicBaseUrl no trailing slash
 * @param {{ skewMs?: number, stamp?: number }} [print] variants: the API clock's skew; one stamp for every message
 */
function messageData(message, publicBaseUrl, { skewMs = 0, stamp } = {}) {
	const messageUrl = `${publicBaseUrl}/api/messages/${encodeURIComponent(message.id)}`;
	return {
		is_seen: message.seen,
		subject: message.subject,
		from: message.from,
		from_email: message.fromEmail,
		to: message.mailbox.email,
		receivedAt: zonelessDateTime((stamp ?? message.receivedAt) + skewMs),
		id: message.id,
		html: message.html,
		content: message.content,
		attachments: message.attachments.map((a) => ({
			name: a.name,
			extension: a.extension,
			size: a.size,
			url: `${messageUrl}/attachments/${encodeURIComponent(a.name)}`,
		})),
	};
}

module.exports = { mailboxData, messageData };
