'use strict';

const { attachmentBody, contentDisposition } = require('./attachments');
const { DOMAIN_TYPES, domainsOfType } = require('./domains');
const { ApiError } = require('./http');
const { compileRoutes } = require('./router');
const { mailboxData, messageData } = require('./serialize');
const { orderList } = require('./variants');

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {unknown} [body] a JSON body
 * @property {Buffer | import('node:stream').Readable} [raw] a binary body instead of JSON
 * @property {Record<string, string | number>} [headers]
 *
 * @typedef {object} ApiContext
 * @property {import('./simulator').Simulator} sim
 * @property {import('./accounts').Account} account the caller, already authenticated
 * @property {Record<string, string>} params decoded path parameters
 * @property {Record<string, string>} query
 *
 * @typedef {(ctx: ApiContext) => Reply} ApiHandler
 */

/** @param {unknown} body @returns {Reply} */
const ok = (body) => ({ status: 200, body });

/** @type {ApiHandler} */
function listDomains({ sim, account, query }) {
	const omitted = sim.variants.omittedType === 'plan' ? account.allowedTypes[0] : 'free';
	const type = (query.type || omitted).toLowerCase();
	if (!DOMAIN_TYPES.includes(type))
		throw new ApiError(
			422,
			`The selected type is invalid. Use one of: ${DOMAIN_TYPES.join(', ')}.`,
		);
	if (!account.allowedTypes.includes(type))
		throw new ApiError(403, `Your plan does not allow ${type} domains.`);
	return ok({
		status: true,
		data: {
			requested_type: type,
			allowed_types: account.allowedTypes,
			domains: domainsOfType(type),
		},
	});
}

/** @type {ApiHandler} */
function createMailbox({ sim, account }) {
	const mailbox = sim.state.createMailbox(account);
	return ok({ status: true, data: mailboxData(mailbox, sim.clock(), sim.variants.clockSkewMs) });
}

/** @type {ApiHandler} */
function switchMailbox({ sim, account, params }) {
	const mailbox = sim.state.switchMailbox(
		account,
		params.currentEmail,
		params.newUsername,
		params.domain,
	);
	return ok({ status: true, data: mailboxData(mailbox, sim.clock(), sim.variants.clockSkewMs) });
}

/** @type {ApiHandler} */
function deleteMailbox({ sim, account, params }) {
	sim.state.removeMailbox(sim.state.ownedMailbox(account, params.email));
	return ok({ status: true, message: 'Email has been successfully deleted.' });
}

/** Listing does not mark anything seen; only reading one message does. @type {ApiHandler} */
function listMessages({ sim, account, query }) {
	if (!query.email) throw new ApiError(422, 'The email field is required.');
	const mailbox = sim.state.ownedMailbox(account, query.email);
	const baseUrl = sim.publicBaseUrl();
	const newestFirst = sim.state.messagesOf(mailbox);
	const print = {
		skewMs: sim.variants.clockSkewMs,
		stamp: sim.variants.identicalStamps ? newestFirst[0]?.receivedAt : undefined,
	};
	return ok({
		status: true,
		mailbox: mailbox.email,
		messages: orderList(newestFirst, sim.variants).map((m) => messageData(m, baseUrl, print)),
	});
}

/** @type {ApiHandler} */
function readMessage({ sim, account, params }) {
	const message = sim.state.ownedMessage(account, params.messageId);
	message.seen = true;
	const print = { skewMs: sim.variants.clockSkewMs };
	return ok({ status: true, data: messageData(message, sim.publicBaseUrl(), print) });
}

/** @type {ApiHandler} */
function deleteMessage({ sim, account, params }) {
	sim.state.messages.delete(sim.state.ownedMessage(account, params.messageId).id);
	return ok({ status: true, message: 'Message was deleted successfully.' });
}

/** @type {ApiHandler} */
function downloadAttachment({ sim, account, params }) {
	const message = sim.state.ownedMessage(account, params.messageId);
	const attachment = message.attachments.find((a) => a.name === params.fileName);
	if (!attachment) throw new ApiError(404, 'Attachment not found.');
	const redirect = sim.variants.attachmentRedirect;
	if (redirect !== null) {
		const path = `/api/messages/${encodeURIComponent(message.id)}/attachments/${encodeURIComponent(attachment.name)}`;
		return { status: 302, headers: { Location: redirect + path }, body: { status: true } };
	}
	return {
		status: 200,
		headers: {
			'Content-Type': attachment.contentType,
			'Content-Length': attachment.size,
			'Content-Disposition': contentDisposition(attachment.name),
		},
		raw: attachmentBody(attachment),
	};
}

/** The eight documented endpoints. */
const API_ROUTES = compileRoutes({
	'GET /api/domains': listDomains,
	'POST /api/emails': createMailbox,
	'POST /api/emails/:currentEmail/:newUsername/:domain': switchMailbox,
	'DELETE /api/emails/:email': deleteMailbox,
	'GET /api/messages': listMessages,
	'GET /api/messages/:messageId': readMessage,
	'DELETE /api/messages/:messageId': deleteMessage,
	'GET /api/messages/:messageId/attachments/:fileName': downloadAttachment,
});

module.exports = { API_ROUTES };
