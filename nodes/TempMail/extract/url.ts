import {
	AVOID_HOSTS,
	TRACKING_PARAMETER,
	URL_ACTION_STEMS,
	URL_AVOID_PATH_TOKENS,
	URL_AVOID_TOKENS,
	URL_HELP_TOKENS,
	URL_SIGN_IN_TOKENS,
} from './linkWords';

/** What a URL says about the page it leads to. */
export interface UrlReading {
	/** Nothing after the host but "/": a home page. */
	bare: boolean;
	/** Unsubscribe, privacy, help, social network, image... */
	avoid: boolean;
	/** verify / confirm / activate / validate / magic / reset / recover in host, path or query. */
	action: boolean;
	/** login / signin / auth / token / session... in host, path or query. */
	signIn: boolean;
	/** Carries something that looks like a one-time token (a long random value). */
	token: boolean;
	/** Says reset / recover / password. */
	reset: boolean;
	/** Says magic link / passwordless / one-time login. */
	magic: boolean;
}

const MAX_READ = 4096;

const IMAGE = /\.(png|jpe?g|gif|webp|svg|ico|bmp)$/i;

function decode(value: string): string {
	let current = value;
	// Twice, for tracking links that encode an already-encoded destination.
	for (let round = 0; round < 2 && current.includes('%'); round++) {
		try {
			current = decodeURIComponent(current.replace(/\+/g, ' '));
		} catch {
			break; // a stray "%": keep what decoded so far
		}
	}
	return current;
}

function words(value: string): string[] {
	return value
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
}

interface Parts {
	host: string;
	path: string;
	query: string;
}

function split(url: string): Parts {
	const rest = url.replace(/^https?:\/\//i, '');
	const hostEnd = rest.search(/[/?#]/);
	const authority = hostEnd === -1 ? rest : rest.slice(0, hostEnd);
	const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
	const afterHost = hostEnd === -1 ? '' : rest.slice(hostEnd);
	const hash = afterHost.indexOf('#');
	const beforeHash = hash === -1 ? afterHost : afterHost.slice(0, hash);
	// A single-page app keeps its route in the fragment ("/#/verify-email?token=…",
	// "/web#action=…&token=…", "index.php#?token=…"): read it as more path and query.
	const route = hash === -1 ? '' : afterHost.slice(hash + 1).replace(/^!/, '');
	const routed = /^[/?]/.test(route) || /^[\w.-]+=/.test(route);
	const joined = routed ? `${beforeHash}${route.startsWith('/') ? '' : '?'}${route}` : beforeHash;
	const [pathPart, ...queryParts] = joined.split('?');
	return { host, path: pathPart, query: queryParts.join('&') };
}

/** A long random-looking value: 20+ letters/digits, or 10+ mixing letters and digits. */
function isRandomToken(value: string): boolean {
	// An address, a path or an email address is not a token.
	if (/[/@:]/.test(value) || /^www\./i.test(value)) return false;
	// A slug of words ("why-confirm-email") is a page name, not a token.
	if (/^\p{L}+([-_.]\p{L}+)+$/u.test(value)) return false;
	const plain = value.replace(/[^A-Za-z0-9]/g, '');
	if (plain.length >= 20) return true;
	return plain.length >= 10 && /[A-Za-z]/.test(plain) && /\d/.test(plain);
}

function hostAvoided(host: string): boolean {
	return AVOID_HOSTS.some((avoided) => host === avoided || host.endsWith(`.${avoided}`));
}

/** Reads a URL's host, path and query (percent-decoded, campaign parameters ignored). */
export function readUrl(url: string): UrlReading {
	// Nothing past the first few kilobytes changes the verdict: do not read megabytes.
	const { host, path, query } = split(url.length > MAX_READ ? url.slice(0, MAX_READ) : url);
	const parameters = query === '' ? [] : query.split('&');
	const meaningful = parameters.filter(
		(parameter) => !TRACKING_PARAMETER.test(parameter.split('=')[0]),
	);
	const values = meaningful.map((parameter) => decode(parameter.slice(parameter.indexOf('=') + 1)));
	const decodedPath = decode(path);

	// A tracking redirect may carry its destination in the path or a parameter: read that too.
	const places = [decodedPath, ...values];
	const destinations = places
		.map((place) => /https?:\/\/[^\s"'<>]+/i.exec(place)?.[0])
		.filter((destination): destination is string => destination !== undefined)
		.map(split);

	const hostWords = words(host.replace(/\.[a-z]+$/, ''));
	const pathWords = words(decodedPath);
	const placeWords = [...hostWords, ...pathWords];
	for (const destination of destinations) {
		const destinationPath = words(decode(destination.path));
		placeWords.push(...words(destination.host), ...destinationPath);
		pathWords.push(...destinationPath);
	}
	const allWords = [...placeWords, ...meaningful.flatMap((parameter) => words(decode(parameter)))];

	const action = allWords.some((word) => URL_ACTION_STEMS.some((stem) => word.includes(stem)));
	const hasToken = [...decodedPath.split('/'), ...values].some(isRandomToken);
	// A social network's own mails link to its own host: only its other links are avoided.
	const social =
		hostAvoided(host) || destinations.some((destination) => hostAvoided(destination.host));
	const avoid =
		(social && !action) ||
		IMAGE.test(path) ||
		placeWords.some((word) => URL_AVOID_TOKENS.has(word)) ||
		(placeWords.some((word) => URL_HELP_TOKENS.has(word)) && !(action && hasToken)) ||
		pathWords.some((word) => URL_AVOID_PATH_TOKENS.has(word)) ||
		placeWords.join(' ').includes('opt out');
	const joined = ` ${allWords.join(' ')} `;
	const signIn =
		allWords.some(
			(word) =>
				URL_SIGN_IN_TOKENS.has(word) || word.startsWith('login') || word.startsWith('signin'),
		) ||
		joined.includes(' sign in ') ||
		joined.includes(' log in ');

	const reset = allWords.some((word) => /^(reset|recover|password|lostpassword|forgot)/.test(word));
	const magic = allWords.some((word) =>
		/^(magic|passwordless|ott|emaillogin|email-login)/.test(word),
	);
	return {
		bare: (path === '' || path === '/') && query === '',
		avoid,
		action,
		signIn,
		token: hasToken,
		reset,
		magic,
	};
}
