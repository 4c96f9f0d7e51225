'use strict';

const { AccountBook } = require('./accounts');
const { toStoredAttachment } = require('./attachments');
const { findDomain, CATALOGUE } = require('./domains');
const { parseTime } = require('./format');
const { ApiError } = require('./http');
const { randomString, randomUsername } = require('./random');

const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const MAILBOX_NOT_FOUND = 'Mailbox not found or expired.';
const MESSAGE_NOT_FOUND = 'Message not found.';

/**
 * @typedef {import('./accounts').Account} Account
 * @typedef {import('./attachments').StoredAttachment} StoredAttachment
 *
 * @typedef {object} Mailbox
 * @property {number} id changes when the mailbox is switched to a new address
 * @property {string} email lower case; the key of `mailboxes`
 * @property {string} domain
 * @property {number} createdAt epoch ms, whole seconds
 * @property {number} expireAt epoch ms
 * @property {string} token
 * @property {string} ownerKey
 *
 * @typedef {object} Message
 * @property {string} id
 * @property {Mailbox} mailbox `to` is read from it, so a switch re-addresses the messages
 * @property {number} seq delivery order, breaks ties between equal receivedAt
 * @property {boolean} seen
 * @property {string} subject
 * @property {string} from
 * @property {string} fromEmail
 * @property {number} receivedAt epoch ms, whole seconds
 * @property {boolean} html
 * @property {string} content
 * @property {StoredAttachment[]} attachments
 */

/**
 * Accounts, mailboxes and messages. Expiry is lazy: an expired mailbox is purged
 * (with its messages) the first time anything looks it up, so it behaves exactly as
 * one that never existed.
 */
class SimulatorState {
	/**
	 * @param {{ clock: () => number, config: { ttlSeconds: number } }} options `config` is shared and may change at run time
	 */
	constructor({ clock, config }) {
		this.clock = clock;
		this.config = config;
		this.accounts = new AccountBook(clock);
		/** @type {Map<string, Mailbox>} */
		this.mailboxes = new Map();
		/** @type {Map<string, Message>} */
		this.messages = new Map();
		this.nextMailboxId = 1001;
		this.nextSeq = 1;
	}

	/**
	 * @param {string} email
	 * @returns {Mailbox | undefined} the live mailbox at that address
	 */
	liveMailbox(email) {
		const mailbox = this.mailboxes.get(String(email).toLowerCase());
		if (mailbox && this.clock() >= mailbox.expireAt) {
			this.removeMailbox(mailbox);
			return undefined;
		}
		return mailbox;
	}

	/** @param {Mailbox} mailbox */
	removeMailbox(mailbox) {
		this.mailboxes.delete(mailbox.email);
		for (const [id, message] of this.messages)
			if (message.mailbox === mailbox) this.messages.delete(id);
	}

	/**
	 * @param {Account} account
	 * @param {{ email?: string, ttlSeconds?: number }} [options] a given address may use any domain (control only)
	 * @returns {Mailbox}
	 */
	createMailbox(account, { email, ttlSeconds = this.config.ttlSeconds } = {}) {
		if (!(typeof ttlSeconds === 'number' && ttlSeconds >= 0))
			throw new ApiError(400, '"ttlSeconds" must be a non-negative number.');
		let address = email?.toLowerCase();
		if (address === undefined) {
			const free = CATALOGUE.filter((d) => d.type === 'free');
			do address = `${randomUsername()}@${free[Math.floor(Math.random() * free.length)].domain}`;
			while (this.liveMailbox(address));
		} else if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
			throw new ApiError(400, `"${email}" is not an email address.`);
		} else if (this.liveMailbox(address)) {
			throw new ApiError(409, `The address ${address} is already in use.`);
		}
		const createdAt = Math.floor(this.clock() / 1000) * 1000;
		/** @type {Mailbox} */
		const mailbox = {
			id: this.nextMailboxId++,
			email: address,
			domain: address.slice(address.indexOf('@') + 1),
			createdAt,
			expireAt: createdAt + ttlSeconds * 1000,
			token: randomString(64),
			ownerKey: account.key,
		};
		this.mailboxes.set(address, mailbox);
		return mailbox;
	}

	/**
	 * @param {Account} account
	 * @param {string} email
	 * @returns {Mailbox}
	 */
	ownedMailbox(account, email) {
		const mailbox = this.liveMailbox(email);
		if (!mailbox) throw new ApiError(404, MAILBOX_NOT_FOUND);
		if (mailbox.ownerKey !== account.key)
			throw new ApiError(403, 'This mailbox does not belong to your account.');
		return mailbox;
	}

	/**
	 * Checks run in the order a client can act on: the mailbox, then the username,
	 * then the domain, then whether the new address is free.
	 * @param {Account} account
	 * @param {string} currentEmail
	 * @param {string} newUsername
	 * @param {string} domainName
	 * @returns {Mailbox}
	 */
	switchMailbox(account, currentEmail, newUsername, domainName) {
		const mailbox = this.ownedMailbox(account, currentEmail);
		const username = newUsername.toLowerCase();
		if (!USERNAME_RULE.test(username)) {
			throw new ApiError(
				422,
				'The username must be 3 to 32 characters: letters, digits, dots, underscores or hyphens, starting with a letter or digit.',
			);
		}
		const domain = findDomain(domainName);
		if (!domain || !account.allowedTypes.includes(domain.type)) {
			throw new ApiError(422, `The domain "${domainName}" is not available for your plan.`);
		}
		const address = `${username}@${domain.domain}`;
		if (this.liveMailbox(address))
			throw new ApiError(422, `The email address ${address} has already been taken.`);

		this.mailboxes.delete(mailbox.email);
		mailbox.id = this.nextMailboxId++;
		mailbox.email = address;
		mailbox.domain = domain.domain;
		mailbox.token = randomString(64);
		this.mailboxes.set(address, mailbox);
		return mailbox;
	}

	/** @param {string} email */
	expireMailbox(email) {
		const mailbox = this.liveMailbox(email);
		if (!mailbox) throw new ApiError(404, MAILBOX_NOT_FOUND);
		mailbox.expireAt = this.clock();
	}

	/**
	 * @param {Mailbox} mailbox
	 * @returns {Message[]} newest first; equal receivedAt: last delivered first
	 */
	messagesOf(mailbox) {
		return [...this.messages.values()]
			.filter((m) => m.mailbox === mailbox)
			.sort((a, b) => b.receivedAt - a.receivedAt || b.seq - a.seq);
	}

	/**
	 * @param {Account} account
	 * @param {string} id
	 * @returns {Message}
	 */
	ownedMessage(account, id) {
		const message = this.messages.get(id);
		if (!message || !this.liveMailbox(message.mailbox.email))
			throw new ApiError(404, MESSAGE_NOT_FOUND);
		if (message.mailbox.ownerKey !== account.key)
			throw new ApiError(403, 'This message does not belong to your account.');
		return message;
	}

	/**
	 * @param {string} email
	 * @param {Record<string, any>} spec see the control route POST /__control/messages
	 * @returns {Message}
	 */
	deliver(email, spec) {
		if (typeof email !== 'string') throw new ApiError(400, '"email" is required.');
		const mailbox = this.liveMailbox(email);
		if (!mailbox) throw new ApiError(404, MAILBOX_NOT_FOUND);
		const id = spec.id ?? randomString(46);
		if (typeof id !== 'string' || id === '')
			throw new ApiError(400, '"id" must be a non-empty string.');
		if (this.messages.has(id))
			throw new ApiError(409, `A message with the id ${id} already exists.`);
		const receivedAt = spec.receivedAt === undefined ? this.clock() : parseTime(spec.receivedAt);
		if (receivedAt === undefined) throw new ApiError(400, '"receivedAt" must be a time.');
		if (spec.attachments !== undefined && !Array.isArray(spec.attachments))
			throw new ApiError(400, '"attachments" must be an array.');
		/** @type {StoredAttachment[]} */
		const attachments = (spec.attachments ?? []).map(toStoredAttachment);
		const names = new Set(attachments.map((a) => a.name));
		if (names.size !== attachments.length)
			throw new ApiError(400, 'Attachment names must be unique within a message.');

		/** @type {Message} */
		const message = {
			id,
			mailbox,
			seq: this.nextSeq++,
			seen: false,
			subject: String(spec.subject ?? 'Test message'),
			from: String(spec.from ?? 'Simulator Sender'),
			fromEmail: String(spec.fromEmail ?? 'sender@example.org'),
			receivedAt: Math.floor(receivedAt / 1000) * 1000,
			html: Boolean(spec.html ?? false),
			content: String(spec.content ?? 'Hello from the Temp Mail simulator.'),
			attachments,
		};
		this.messages.set(id, message);
		return message;
	}

	/** @param {string} defaultKey the account that survives */
	reset(defaultKey) {
		this.mailboxes.clear();
		this.messages.clear();
		this.accounts.reset(defaultKey);
	}
}

module.exports = { SimulatorState, USERNAME_RULE };
