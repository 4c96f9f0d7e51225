/**
 * Prepares text for the code search without changing its length (so positions keep
 * their meaning): full-width and Arabic-Indic digits and full-width Latin letters become
 * ASCII, and links and email addresses are blanked out (a number inside a URL or an
 * address is never the code).
 */

const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>"]+/gi;

function isAddressChar(code: number): boolean {
	// Letters, digits and the punctuation allowed around "@" in practice; no spaces.
	return (
		(code >= 0x30 && code <= 0x39) ||
		(code >= 0x41 && code <= 0x5a) ||
		(code >= 0x61 && code <= 0x7a) ||
		code === 0x2e ||
		code === 0x2d ||
		code === 0x5f ||
		code === 0x2b ||
		code === 0x25
	);
}

function toAscii(value: string): string {
	let changed = false;
	const chars = new Array<string>(value.length);
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		let mapped = -1;
		if (code >= 0xff10 && code <= 0xff19)
			mapped = code - 0xff10 + 0x30; // full-width digits
		else if (code >= 0xff21 && code <= 0xff3a)
			mapped = code - 0xff21 + 0x41; // full-width A-Z
		else if (code >= 0xff41 && code <= 0xff5a)
			mapped = code - 0xff41 + 0x61; // full-width a-z
		else if (code >= 0x0660 && code <= 0x0669)
			mapped = code - 0x0660 + 0x30; // Arabic-Indic
		else if (code >= 0x06f0 && code <= 0x06f9)
			mapped = code - 0x06f0 + 0x30; // Extended Arabic-Indic
		else if (code === 0xff1a)
			mapped = 0x3a; // full-width colon
		else if (code === 0x00a0 || code === 0x3000) mapped = 0x20; // no-break / ideographic space
		if (mapped !== -1) changed = true;
		chars[i] = mapped === -1 ? value.charAt(i) : String.fromCharCode(mapped);
	}
	return changed ? chars.join('') : value;
}

function blankEmailAddresses(value: string): string {
	if (!value.includes('@')) return value;
	const parts: string[] = [];
	let copied = 0;
	let searchFrom = 0;
	for (let at = value.indexOf('@'); at !== -1; at = value.indexOf('@', searchFrom)) {
		let start = at;
		while (start > copied && isAddressChar(value.charCodeAt(start - 1))) start--;
		let end = at + 1;
		while (end < value.length && isAddressChar(value.charCodeAt(end))) end++;
		searchFrom = end > at + 1 ? end : at + 1;
		if (start === at || end === at + 1) continue;
		parts.push(value.slice(copied, start), ' '.repeat(end - start));
		copied = end;
	}
	parts.push(value.slice(copied));
	return parts.join('');
}

export function prepareForCodeSearch(value: string): string {
	const ascii = toAscii(value);
	return blankEmailAddresses(ascii.replace(URL_IN_TEXT, (url) => ' '.repeat(url.length)));
}
