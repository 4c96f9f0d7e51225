/**
 * HTML character references: named (the common ones), decimal and hexadecimal.
 * One linear pass; unknown names and malformed references are left as written.
 */

/** Names of U+00A0 … U+00FF, in code-point order (HTML 4 / Latin-1). */
const LATIN1_NAMES = [
	'nbsp',
	'iexcl',
	'cent',
	'pound',
	'curren',
	'yen',
	'brvbar',
	'sect',
	'uml',
	'copy',
	'ordf',
	'laquo',
	'not',
	'shy',
	'reg',
	'macr',
	'deg',
	'plusmn',
	'sup2',
	'sup3',
	'acute',
	'micro',
	'para',
	'middot',
	'cedil',
	'sup1',
	'ordm',
	'raquo',
	'frac14',
	'frac12',
	'frac34',
	'iquest',
	'Agrave',
	'Aacute',
	'Acirc',
	'Atilde',
	'Auml',
	'Aring',
	'AElig',
	'Ccedil',
	'Egrave',
	'Eacute',
	'Ecirc',
	'Euml',
	'Igrave',
	'Iacute',
	'Icirc',
	'Iuml',
	'ETH',
	'Ntilde',
	'Ograve',
	'Oacute',
	'Ocirc',
	'Otilde',
	'Ouml',
	'times',
	'Oslash',
	'Ugrave',
	'Uacute',
	'Ucirc',
	'Uuml',
	'Yacute',
	'THORN',
	'szlig',
	'agrave',
	'aacute',
	'acirc',
	'atilde',
	'auml',
	'aring',
	'aelig',
	'ccedil',
	'egrave',
	'eacute',
	'ecirc',
	'euml',
	'igrave',
	'iacute',
	'icirc',
	'iuml',
	'eth',
	'ntilde',
	'ograve',
	'oacute',
	'ocirc',
	'otilde',
	'ouml',
	'divide',
	'oslash',
	'ugrave',
	'uacute',
	'ucirc',
	'uuml',
	'yacute',
	'thorn',
	'yuml',
];

/** Other named references that show up in mail. */
const OTHER_NAMES: Record<string, number> = {
	amp: 0x26,
	lt: 0x3c,
	gt: 0x3e,
	quot: 0x22,
	apos: 0x27,
	OElig: 0x152,
	oelig: 0x153,
	Scaron: 0x160,
	scaron: 0x161,
	Yuml: 0x178,
	fnof: 0x192,
	circ: 0x2c6,
	tilde: 0x2dc,
	ensp: 0x2002,
	emsp: 0x2003,
	thinsp: 0x2009,
	zwnj: 0x200c,
	zwj: 0x200d,
	lrm: 0x200e,
	rlm: 0x200f,
	ndash: 0x2013,
	mdash: 0x2014,
	horbar: 0x2015,
	lsquo: 0x2018,
	rsquo: 0x2019,
	sbquo: 0x201a,
	ldquo: 0x201c,
	rdquo: 0x201d,
	bdquo: 0x201e,
	dagger: 0x2020,
	Dagger: 0x2021,
	bull: 0x2022,
	hellip: 0x2026,
	permil: 0x2030,
	prime: 0x2032,
	Prime: 0x2033,
	lsaquo: 0x2039,
	rsaquo: 0x203a,
	oline: 0x203e,
	frasl: 0x2044,
	euro: 0x20ac,
	trade: 0x2122,
	larr: 0x2190,
	uarr: 0x2191,
	rarr: 0x2192,
	darr: 0x2193,
	harr: 0x2194,
	rArr: 0x21d2,
	lArr: 0x21d0,
	minus: 0x2212,
	check: 0x2713,
	cross: 0x2717,
	star: 0x2606,
	starf: 0x2605,
	hearts: 0x2665,
	loz: 0x25ca,
	Alpha: 0x391,
	Beta: 0x392,
	Gamma: 0x393,
	Delta: 0x394,
	Omega: 0x3a9,
	alpha: 0x3b1,
	beta: 0x3b2,
	gamma: 0x3b3,
	delta: 0x3b4,
	pi: 0x3c0,
	mu: 0x3bc,
	omega: 0x3c9,
	Tab: 0x09,
	NewLine: 0x0a,
	excl: 0x21,
	num: 0x23,
	dollar: 0x24,
	percnt: 0x25,
	lpar: 0x28,
	rpar: 0x29,
	ast: 0x2a,
	plus: 0x2b,
	comma: 0x2c,
	period: 0x2e,
	sol: 0x2f,
	colon: 0x3a,
	semi: 0x3b,
	equals: 0x3d,
	quest: 0x3f,
	commat: 0x40,
	lsqb: 0x5b,
	lbrack: 0x5b,
	bsol: 0x5c,
	rsqb: 0x5d,
	rbrack: 0x5d,
	Hat: 0x5e,
	lowbar: 0x5f,
	grave: 0x60,
	lcub: 0x7b,
	lbrace: 0x7b,
	verbar: 0x7c,
	vert: 0x7c,
	rcub: 0x7d,
	rbrace: 0x7d,
	hyphen: 0x2010,
	dash: 0x2010,
	nbhy: 0x2011,
	numsp: 0x2007,
	puncsp: 0x2008,
	hairsp: 0x200a,
	ZeroWidthSpace: 0x200b,
	NoBreak: 0x2060,
	nbspace: 0xa0,
};

const NAMED = new Map<string, string>();
LATIN1_NAMES.forEach((name, index) => NAMED.set(name, String.fromCharCode(0xa0 + index)));
for (const [name, code] of Object.entries(OTHER_NAMES)) NAMED.set(name, String.fromCharCode(code));

/** Legacy names a browser also decodes without the closing semicolon. */
const WITHOUT_SEMICOLON = new Set([
	'amp',
	'lt',
	'gt',
	'quot',
	'nbsp',
	'copy',
	'reg',
	'AMP',
	'LT',
	'GT',
	'QUOT',
]);

/** Numeric references 0x80–0x9F are read as Windows-1252, as browsers do. */
const WINDOWS_1252: Record<number, number> = {
	0x80: 0x20ac,
	0x82: 0x201a,
	0x83: 0x192,
	0x84: 0x201e,
	0x85: 0x2026,
	0x86: 0x2020,
	0x87: 0x2021,
	0x88: 0x2c6,
	0x89: 0x2030,
	0x8a: 0x160,
	0x8b: 0x2039,
	0x8c: 0x152,
	0x8e: 0x17d,
	0x91: 0x2018,
	0x92: 0x2019,
	0x93: 0x201c,
	0x94: 0x201d,
	0x95: 0x2022,
	0x96: 0x2013,
	0x97: 0x2014,
	0x98: 0x2dc,
	0x99: 0x2122,
	0x9a: 0x161,
	0x9b: 0x203a,
	0x9c: 0x153,
	0x9e: 0x17e,
	0x9f: 0x178,
};

function fromCodePoint(code: number): string {
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
	const mapped = WINDOWS_1252[code];
	return String.fromCodePoint(mapped ?? code);
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
	return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isAlphanumeric(code: number): boolean {
	return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** End of the reference read by the last successful `readReference` call. */
let referenceEnd = 0;

/** The character(s) a reference starting with "&" at `at` stands for, or undefined. */
function readReference(value: string, at: number): string | undefined {
	let i = at + 1;
	if (value.charCodeAt(i) === 0x23) {
		// &#1234; or &#x1F600;
		i++;
		const hex = value.charCodeAt(i) === 0x78 || value.charCodeAt(i) === 0x58;
		if (hex) i++;
		const digitsStart = i;
		while (
			i - digitsStart < 8 &&
			(hex ? isHexDigit(value.charCodeAt(i)) : isDigit(value.charCodeAt(i)))
		)
			i++;
		if (i === digitsStart) return undefined;
		const code = parseInt(value.slice(digitsStart, i), hex ? 16 : 10);
		if (value.charCodeAt(i) === 0x3b) i++;
		referenceEnd = i;
		return fromCodePoint(code);
	}
	const nameStart = i;
	const first = value.charCodeAt(i);
	if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return undefined;
	while (i - nameStart < 32 && isAlphanumeric(value.charCodeAt(i))) i++;
	const name = value.slice(nameStart, i);
	const decoded = NAMED.get(name) ?? (name.length <= 4 ? NAMED.get(name.toLowerCase()) : undefined);
	if (decoded === undefined) return undefined;
	if (value.charCodeAt(i) === 0x3b) {
		referenceEnd = i + 1;
		return decoded;
	}
	// Without ";" only the legacy names count, and "&copy=1" in a query string is a
	// parameter, not a reference (HTML's rule for attribute values).
	if (!WITHOUT_SEMICOLON.has(name) || value.charCodeAt(i) === 0x3d) return undefined;
	referenceEnd = i;
	return decoded;
}

/** Decodes HTML character references in `value`, in one left-to-right pass. */
export function decodeEntities(value: string): string {
	let amp = value.indexOf('&');
	if (amp === -1) return value;
	const parts: string[] = [];
	let copied = 0;
	while (amp !== -1) {
		const decoded = readReference(value, amp);
		if (decoded === undefined) {
			amp = value.indexOf('&', amp + 1);
			continue;
		}
		if (amp > copied) parts.push(value.slice(copied, amp));
		parts.push(decoded);
		copied = referenceEnd;
		amp = value.indexOf('&', copied);
	}
	if (copied < value.length) parts.push(value.slice(copied));
	return parts.join('');
}
