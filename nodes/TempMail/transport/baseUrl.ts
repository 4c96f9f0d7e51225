/** Hosts where plain http cannot leak the API key to the network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const DEFAULT_BASE_URL = 'https://v1.tempmailg.com';

export type BaseUrlCheck = { baseUrl: string; origin: string } | { problem: string };

/**
 * Normalises the credential's base URL (trailing slashes dropped) and refuses
 * anything that would send the Bearer key somewhere unsafe or ambiguous.
 */
export function checkBaseUrl(raw: unknown): BaseUrlCheck {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { problem: `The base URL "${text}" is not a valid URL (example: ${DEFAULT_BASE_URL})` };
	}
	if (url.username || url.password) {
		return { problem: 'The base URL must not contain a user name or password' };
	}
	if (url.search || url.hash) {
		return { problem: 'The base URL must not contain a query string or fragment' };
	}
	const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
	if (url.protocol === 'http:' && !loopback) {
		return {
			problem:
				`The base URL must use https (the API key is sent with every request); plain ` +
				`http is only accepted for localhost, got "${url.origin}"`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { problem: `The base URL must start with https://, got "${url.protocol}"` };
	}
	const path = url.pathname.replace(/\/+$/, '');
	return { baseUrl: `${url.origin}${path}`, origin: url.origin };
}
