'use strict';

const crypto = require('node:crypto');

const { ApiError } = require('./http');

/**
 * A pretend website's sign-up form, for the demo and the sign-up tests: it
 * mails a verification code and link to the given address, as a real site
 * would. The answer does not reveal the code; tests read it back from
 * GET /__control/signups, like a person reading the site's database.
 *
 * @typedef {{ email: string, code: string, link: string, sentAt: string }} SignUp
 */

/** @type {WeakMap<object, SignUp[]>} */
const sent = new WeakMap();

/** @param {object} sim */
function signUpsOf(sim) {
	let list = sent.get(sim);
	if (!list) sent.set(sim, (list = []));
	return list;
}

/**
 * @param {import('./simulator').Simulator} sim
 * @param {string} email
 */
function verificationMail(sim, email) {
	const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
	const token = crypto.randomBytes(12).toString('hex');
	const link = `${sim.publicBaseUrl()}/demo/verify?token=${token}`;
	const content =
		`<html><body><h1>Welcome to Example App</h1>` +
		`<p>Thanks for signing up with ${email}. Order #20261124 is not your code.</p>` +
		`<p>Your verification code is <strong>${code}</strong>. It expires in 10 minutes.</p>` +
		`<p><a href="${link}">Verify my email</a> · <a href="${sim.publicBaseUrl()}/demo/unsubscribe">Unsubscribe</a></p>` +
		`</body></html>`;
	return {
		code,
		link,
		message: {
			subject: `Verify your email for Example App`,
			from: 'Example App',
			fromEmail: 'no-reply@example-app.test',
			html: true,
			content,
		},
	};
}

/**
 * POST /__control/signup {email, delayMs?}: the mail arrives after delayMs (default 1000).
 * @param {import('./simulator').Simulator} sim
 * @param {Record<string, any>} body
 */
function signUp(sim, { email, delayMs = 1000 }) {
	if (typeof email !== 'string' || !email.includes('@'))
		throw new ApiError(422, '"email" must be an email address.');
	if (!(typeof delayMs === 'number' && delayMs >= 0 && delayMs <= 600_000))
		throw new ApiError(400, '"delayMs" must be 0–600000.');
	const { code, link, message } = verificationMail(sim, email);
	const deliver = () => {
		try {
			sim.state.deliver(email, message);
			signUpsOf(sim).push({
				email: email.toLowerCase(),
				code,
				link,
				sentAt: new Date(sim.clock()).toISOString(),
			});
		} catch {
			// The mailbox expired or was deleted meanwhile: like real mail, it bounces silently.
		}
	};
	if (delayMs === 0) deliver();
	else setTimeout(deliver, delayMs).unref();
	return { accepted: true, email, deliversInMs: delayMs };
}

/** GET /__control/signups: every verification mail sent, oldest first. */
function listSignUps(sim) {
	return signUpsOf(sim);
}

module.exports = { signUp, listSignUps };
