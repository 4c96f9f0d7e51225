import type { CodeCandidate } from './code';
import type { VerificationLinkKind } from './verificationLink';

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
	/**
	 * 0–1: below this confidence `code` is null (the candidates are still listed), so a
	 * workflow can branch instead of typing a doubtful code. 0 (the default) keeps any code.
	 */
	minimumConfidence?: number;
}

export interface ExtractResult {
	/** The body as readable plain text. */
	text: string;
	/** The verification code as a person would type it, or null. */
	code: string | null;
	/** Possible codes, best first (at most 5), with confidence 0–1 and context. */
	codeCandidates: CodeCandidate[];
	/** Every http(s) link, de-duplicated, in order of appearance. */
	links: string[];
	/** The link to open to verify / confirm / sign in / reset / approve, or null. */
	verificationLink: string | null;
	/** What the verification link does, or null when there is none. */
	verificationLinkKind: VerificationLinkKind | null;
}
