'use strict';

const crypto = require('node:crypto');

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALPHANUMERIC = LOWER.toUpperCase() + LOWER + DIGITS;

/**
 * Cryptographic randomness keeps keys, tokens and message ids unguessable, so a
 * test that "guesses" another account's message cannot pass by accident.
 * @param {number} length
 * @param {string} [alphabet]
 * @returns {string}
 */
function randomString(length, alphabet = ALPHANUMERIC) {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
	return out;
}

/**
 * Starts with a letter so a random username always satisfies the switch rule too.
 * @returns {string}
 */
function randomUsername() {
	return randomString(1, LOWER) + randomString(9, LOWER + DIGITS);
}

module.exports = { randomString, randomUsername, ALPHANUMERIC };
