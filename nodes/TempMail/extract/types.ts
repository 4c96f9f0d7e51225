/** The parts of a Temp Mail message the extraction reads. */
export interface ExtractableMessage {
	subject: string;
	/** HTML when `html` is true, else plain text. */
	content: string;
	html: boolean;
}

export interface ExtractOptions {
	/** Regular expression for the code: its first capture group, else the whole match (plain source: case-insensitive; or /source/flags). */
	codePattern?: string;
	/** Regular expression for the verification link: the first link matching it (plain source: case-insensitive; or /source/flags). */
	linkPattern?: string;
}

export interface ExtractResult {
	/** The body as readable plain text. */
	text: string;
	/** The verification code without separators, or null. */
	code: string | null;
	/** Every http(s) link, de-duplicated, in order of appearance. */
	links: string[];
	/** The link to open to verify / confirm / sign in / reset, or null. */
	verificationLink: string | null;
}
