/**
 * Lines of a text, found once, with their "postal address or legal footer" verdicts computed
 * on demand: a number on such a line (a postal code, a house number, a registration
 * number) is rarely the code.
 */

const ADDRESS_LINE = new RegExp(
	'(?<![\\p{L}\\p{N}])(?:street|st\\.|avenue|ave\\.?|road|rd\\.|boulevard|blvd|suite|ste\\.|floor|drive|dr\\.|' +
		'lane|ln\\.|st(?=[\\s,])|rd(?=[\\s,])|plaza|p\\.?\\s?o\\.?\\s?box|straße|strasse|str\\.|calle|avenida|av\\.|rue|piazza|viale|' +
		'ul\\.|ulica|cadde|cad\\.|sokak|mahallesi|laan|weg|plein|gracht|postfach|postbus|apartado|' +
		// Cyrillic, Vietnamese, Indonesian, Hindi
		'ул\\.|улица|вул\\.|вулиця|просп\\.|проспект|шоссе|пр-т|quận|phường|đường|jl\\.|jalan|रोड|मार्ग)(?![\\p{L}])' +
		// German compounds: Musterstraße, Hauptstr.
		'|\\p{L}(?:straße|strasse|str\\.|straat|laan|gracht|weg(?=[\\s,]))' +
		// Hebrew, Arabic, Thai (attached prefixes: no word boundary)
		"|רחוב|רח'|שדרות|شارع|طريق|ถนน|แขวง|เขต" +
		// Chinese, Japanese, Korean: a region then a street and a number
		'|〒|[省市县區区]\\S*?[路街道]\\S*?\\d+[号號]|[都道府県].{0,20}\\d+-\\d+|[시구군]\\s?\\S+[로길]\\s?\\d+',
	'iu',
);
/** US states, Australian states and territories: "CA 94107", "NSW 2010". */
const STATE =
	'(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|NSW|VIC|QLD|TAS|ACT|NT|SA)';
const STATE_AND_ZIP = new RegExp(`(?<![A-Za-z])${STATE},?\\s\\d{4,5}(?!\\d)`);
export const STATE_BEFORE = new RegExp(`(?<![A-Za-z])${STATE},?\\s$`);
const FOOTER_LINE = new RegExp(
	'©|\\(c\\)|copyright|all rights reserved|(?<![\\p{L}])(?:inc\\.?|llc|ltd\\.?|gmbh|s\\.a\\.|b\\.v\\.|s\\.l\\.|ag|sas|s\\.r\\.l\\.|s\\.p\\.a\\.|a\\.ş\\.|plc|ооо)(?![\\p{L}])',
	'iu',
);

export class Lines {
	private readonly starts: number[] = [0];
	private readonly verdicts = new Map<number, boolean>();

	constructor(private readonly text: string) {
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
			this.starts.push(at + 1);
	}

	private indexOf(offset: number): number {
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.starts[middle] <= offset) low = middle;
			else high = middle - 1;
		}
		return low;
	}

	private endOf(index: number): number {
		return index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.text.length;
	}

	startOf(offset: number): number {
		return this.starts[this.indexOf(offset)];
	}

	/** The line holding `offset`, without its line break. */
	lineAt(offset: number): string {
		const index = this.indexOf(offset);
		return this.text.slice(this.starts[index], this.endOf(index));
	}

	/** The nearest non-empty line above the one holding `offset`, or ''. */
	lineAbove(offset: number): string {
		for (let index = this.indexOf(offset) - 1; index >= 0; index--) {
			const line = this.text.slice(this.starts[index], this.endOf(index));
			if (line.trim() !== '') return line;
		}
		return '';
	}

	/** True when the line holding `offset` reads like a postal address or a legal footer. */
	isAddressOrFooter(offset: number): boolean {
		const index = this.indexOf(offset);
		const cached = this.verdicts.get(index);
		if (cached !== undefined) return cached;
		const line = this.text.slice(this.starts[index], this.endOf(index));
		const verdict =
			line.length <= 300 &&
			(ADDRESS_LINE.test(line) || STATE_AND_ZIP.test(line) || FOOTER_LINE.test(line));
		this.verdicts.set(index, verdict);
		return verdict;
	}
}
