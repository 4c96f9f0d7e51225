import {
	InvalidPatternError,
	decodeEntities,
	extractFromMessage,
	findCode,
	findLinks,
	findVerificationLink,
	htmlToText,
} from '../../../../nodes/TempMail/extract';

describe('htmlToText', () => {
	it('decodes named, decimal and hexadecimal character references', () => {
		expect(
			htmlToText(
				'<p>&amp; &lt; &gt; &quot; &#39; &apos; a&nbsp;b &copy; &reg; &hellip; &mdash; &ndash; &euro; &laquo;x&raquo; &trade; &eacute;</p>',
			),
		).toBe("& < > \" ' ' a b © ® … — – € «x» ™ é");
		expect(htmlToText('<p>&#8364; &#x20AC; &#X20ac; &#128512; &#150;</p>')).toBe('€ € € 😀 –');
		expect(htmlToText('<p>&unknown; &#; AT&T &</p>')).toBe('&unknown; &#; AT&T &');
	});

	it('drops scripts, styles, the head, titles and comments', () => {
		const html = `<!DOCTYPE html><html><head><title>Secret title</title><meta charset="utf-8">
			<style>p { color: red }</style></head><body>
			<!-- a comment with <p>markup</p> -->
			<SCRIPT type="text/javascript">var s = "</p><p>not text";</SCRIPT>
			<p>Visible</p><!--[if mso]><p>Outlook only</p><![endif]--></body></html>`;
		expect(htmlToText(html)).toBe('Visible');
	});

	it('ends the head when body content starts without <body>', () => {
		expect(htmlToText('<html><head><title>T</title><div>Hello</div>')).toBe('Hello');
		expect(htmlToText('<head>Stray text</head>')).toBe('Stray text');
	});

	it('puts block elements on their own lines, paragraphs apart', () => {
		const html =
			'<h1>Title</h1><p>First paragraph.</p><div>Line one</div><div>Line two<br>Line three</div>' +
			'<ul><li>One</li><li>Two</li></ul><table><tr><td>Code:</td><td>123456</td></tr><tr><td>Next</td></tr></table>' +
			'<blockquote>Quoted</blockquote><hr><section>End</section>';
		expect(htmlToText(html)).toBe(
			[
				'Title',
				'',
				'First paragraph.',
				'',
				'Line one',
				'Line two',
				'Line three',
				'',
				'One',
				'Two',
				'',
				'Code: 123456',
				'Next',
				'',
				'Quoted',
				'',
				'End',
			].join('\n'),
		);
	});

	it('keeps one blank line for a double <br> and never more than one', () => {
		expect(htmlToText('a<br><br>b<br><br><br><br>c')).toBe('a\n\nb\n\nc');
		expect(htmlToText('<p>a</p><p></p><p></p><p>b</p>')).toBe('a\n\nb');
	});

	it('collapses whitespace within lines, trims, and removes invisible padding', () => {
		const html = `  <p>  Hello
			   world\t!  </p>
			<div style="display:none">Preview${'&nbsp;&zwnj;'.repeat(20)}&#847;&#65279;</div>
			<p>a&nbsp;&nbsp;&nbsp;b\u200Bc</p>  `;
		expect(htmlToText(html)).toBe('Hello world !\n\nPreview\n\na bc');
	});

	it('keeps link text, image-free', () => {
		expect(
			htmlToText(
				'<p>Please <a href="https://x.example/v">verify your email</a> <img src="a.png" alt="logo">now.</p>',
			),
		).toBe('Please verify your email now.');
	});

	it('keeps line breaks inside <pre>', () => {
		expect(htmlToText('<pre>line 1\n  line 2</pre><p>after</p>')).toBe('line 1\nline 2\n\nafter');
	});

	it('survives malformed markup', () => {
		expect(htmlToText('a < b and 3<4, <3 you')).toBe('a < b and 3<4, <3 you');
		expect(htmlToText('<p title="a>b" class=x>Text</p>')).toBe('Text');
		expect(htmlToText('<p>Text<br')).toBe('Text');
		expect(htmlToText('<p>Before<!-- never closed <p>hidden')).toBe('Before');
		expect(htmlToText('<p>x</p></>< /p><//p>y')).toBe('x\n\n< /p>y');
		expect(htmlToText('<script>never closed')).toBe('');
		expect(htmlToText('')).toBe('');
	});
});

describe('decodeEntities', () => {
	it('leaves query-string parameters that look like legacy names alone', () => {
		expect(decodeEntities('?a=1&copy=2&amp;b=3&lt=4')).toBe('?a=1&copy=2&b=3&lt=4');
		expect(decodeEntities('&copy 2024 &amp more')).toBe('© 2024 & more');
	});
});

describe('findLinks', () => {
	it('finds hrefs and links in the text, in order, without duplicates', () => {
		const html = `<p>Visit https://a.example/one and <a href="https://b.example/two">B</a></p>
			<p><a href="https://a.example/one">again</a> <a href="https://c.example/three">https://c.example/three</a></p>
			<p>Finally https://d.example/four.</p>`;
		expect(findLinks(html, true)).toEqual([
			'https://a.example/one',
			'https://b.example/two',
			'https://c.example/three',
			'https://d.example/four',
		]);
	});

	it('decodes entities in hrefs and in text links', () => {
		expect(
			findLinks(
				'<a href="https://x.example/v?a=1&amp;b=2&#38;c=3">go</a> https://y.example/?q=1&amp;r=2',
				true,
			),
		).toEqual(['https://x.example/v?a=1&b=2&c=3', 'https://y.example/?q=1&r=2']);
	});

	it('decodes references in links of a plain-text body, not in its text', () => {
		expect(findLinks('Open https://x.example/v?a=1&amp;b=2 now', false)).toEqual([
			'https://x.example/v?a=1&b=2',
		]);
	});

	it('strips trailing punctuation from links written in text', () => {
		const text = `See https://a.example/x. Or (https://b.example/y), "https://c.example/z"!
			Maybe https://d.example/w?; <https://e.example/v>; [https://f.example/u]
			Keep https://en.wikipedia.example/wiki/Foo_(bar) and https://g.example/t}`;
		expect(findLinks(text, false)).toEqual([
			'https://a.example/x',
			'https://b.example/y',
			'https://c.example/z',
			'https://d.example/w',
			'https://e.example/v',
			'https://f.example/u',
			'https://en.wikipedia.example/wiki/Foo_(bar)',
			'https://g.example/t',
		]);
	});

	it('ignores other schemes and empty hosts, keeps http and upper-case schemes', () => {
		const html = `<a href="mailto:a@b.example">m</a><a href="javascript:void(0)">j</a><a href="#top">t</a>
			<a href="/relative">r</a><a href=" https://ok.example/a ">ok</a> http://plain.example/p HTTPS://UP.example/Q https:// nothing`;
		expect(findLinks(html, true)).toEqual([
			'https://ok.example/a',
			'http://plain.example/p',
			'HTTPS://UP.example/Q',
		]);
	});

	it('does not read links out of words or hidden content', () => {
		expect(findLinks('xhttps://no.example/a <script>https://no.example/b</script>', true)).toEqual(
			[],
		);
	});
});

describe('findVerificationLink', () => {
	it('skips unsubscribe, privacy and help links placed before the verification link', () => {
		const html = `<a href="https://m.example/unsubscribe?u=1">Unsubscribe</a>
			<a href="https://m.example/privacy">Privacy</a> <a href="https://help.m.example/verify-faq">Why verify?</a>
			<a href="https://m.example/account/confirm?token=abc123def456">Confirm email</a>`;
		expect(findVerificationLink(html, true)).toBe(
			'https://m.example/account/confirm?token=abc123def456',
		);
	});

	it('recognises a tracking redirect by its label, in several languages', () => {
		const link = 'https://click.mail.example/ls/click?upn=u001.Qw8Zt2Lm5Kp9';
		for (const label of [
			'Verify email',
			'Confirmar cuenta',
			'E-Mail bestätigen',
			'Подтвердить',
			'メールアドレスを認証',
		]) {
			const html = `<a href="https://click.mail.example/ls/click?upn=u001.Logo1">Logo</a><a href="${link}">${label}</a>`;
			expect(findVerificationLink(html, true)).toBe(link);
		}
	});

	it('reads the sentence before a "click here" or a bare URL', () => {
		expect(
			findVerificationLink(
				'<p>To activate your account, <a href="https://t.example/c/Xq7Lp2">click here</a>.</p>',
				true,
			),
		).toBe('https://t.example/c/Xq7Lp2');
		expect(findVerificationLink('Confirm your address:\nhttps://t.example/c/Xq7Lp2\n', false)).toBe(
			'https://t.example/c/Xq7Lp2',
		);
	});

	it('reads a label split over inline tags, image alt texts and aria-labels', () => {
		expect(
			findVerificationLink('<a href="https://t.example/c/1"><b>Ver</b><i>ify</i> now</a>', true),
		).toBe('https://t.example/c/1');
		expect(
			findVerificationLink(
				'<a href="https://t.example/c/2"><img src="b.png" alt="Confirm account"></a>',
				true,
			),
		).toBe('https://t.example/c/2');
		expect(
			findVerificationLink('<a href="https://t.example/c/3" aria-label="Activate">→</a>', true),
		).toBe('https://t.example/c/3');
	});

	it('reads two-character labels in Chinese or Japanese', () => {
		expect(findVerificationLink('<a href="https://t.example/c/Xq7Lp2">確認</a>', true)).toBe(
			'https://t.example/c/Xq7Lp2',
		);
		expect(findVerificationLink('<a href="https://t.example/c/Xq7Lp2">OK</a>', true)).toBeNull();
	});

	it('returns null when no link looks like one', () => {
		expect(
			findVerificationLink(
				'<p>Your code is 123456. <a href="https://acme.example/">Acme</a></p>',
				true,
			),
		).toBeNull();
		expect(
			findVerificationLink('Your verification code: 123456\nhttps://acme.example/app', false),
		).toBeNull();
		expect(findVerificationLink('', true)).toBeNull();
	});

	it('takes the first link matching a user pattern instead', () => {
		const html =
			'<a href="https://a.example/verify/1">Verify</a><a href="https://b.example/special/2">Other</a>';
		expect(findVerificationLink(html, true, { linkPattern: 'special' })).toBe(
			'https://b.example/special/2',
		);
		expect(findVerificationLink(html, true, { linkPattern: '/SPECIAL/i' })).toBe(
			'https://b.example/special/2',
		);
		expect(findVerificationLink(html, true, { linkPattern: 'nothing-like-this' })).toBeNull();
		expect(findVerificationLink(html, true, { linkPattern: '  ' })).toBe(
			'https://a.example/verify/1',
		);
	});

	it('throws a clear error for an invalid link pattern', () => {
		expect(() => findVerificationLink('', true, { linkPattern: 'verify(' })).toThrow(
			InvalidPatternError,
		);
		expect(() => findVerificationLink('', true, { linkPattern: 'verify(' })).toThrow(
			/^Link Pattern: "verify\(" is not a valid regular expression \(.+\)$/,
		);
	});
});

describe('findCode', () => {
	it('finds the code nearest to a code word', () => {
		expect(findCode('Welcome', 'Your verification code is 482913.')).toBe('482913');
		expect(findCode('', '482913 is your Acme code')).toBe('482913');
		expect(findCode('', 'Hello\n\nYour code:\n\n  7730\n\nThanks')).toBe('7730');
	});

	it('returns codes as a person types them: digits without their grouping, a shown hyphen kept', () => {
		expect(findCode('', 'Your code is 123-456')).toBe('123456');
		expect(findCode('', 'Your code is 482 913')).toBe('482913');
		expect(findCode('', 'Your code is 482\u00A0913')).toBe('482913');
		expect(findCode('', 'Your PIN: 4829-1736')).toBe('48291736');
		expect(findCode('', 'Slack code: K8X-4MP')).toBe('K8X-4MP');
		expect(findCode('', 'Slack code: K8X 4MP')).toBe('K8X4MP');
		expect(findCode('', 'Enter this code: 4 8 2 9 1 3')).toBe('482913');
	});

	it('finds upper-case letter and digit codes, not words', () => {
		expect(findCode('', 'Your security code: A7K9Q2')).toBe('A7K9Q2');
		expect(findCode('', 'Your CODE is READY')).toBeNull();
		expect(findCode('', 'Your code for COVID19 testing is 5521')).toBe('5521');
	});

	it('prefers a real code over years, prices, phones, orders, dates, times and zip codes', () => {
		const text = `Order #100482 placed on 2024-05-17 at 10:45 for $12.99 (12,00 €, 15% off).
Ship to 1208 W 6th St, Austin, TX 78703. Call +1 (512) 555-0143.
Invoice 55123 · Ref: 90817 · Ticket no. 77120 · © 2024
Your verification code is 2751.`;
		expect(findCode('Order 4821 shipped', text)).toBe('2751');
	});

	it('returns a year-like number when it is the only candidate', () => {
		expect(findCode('', 'Your temporary PIN is 1984.')).toBe('1984');
	});

	it('needs a code word: numbers alone are not a code', () => {
		expect(
			findCode(
				'Summer sale',
				'Save 20% until 06/30. Call 555-0199. Acme, 100 Main St, Springfield, IL 62704',
			),
		).toBeNull();
		expect(findCode('Your receipt 48213', 'Thanks for shopping.')).toBeNull();
		expect(findCode('', '')).toBeNull();
	});

	it('does not read numbers out of links and email addresses', () => {
		expect(
			findCode(
				'',
				'Your code: see https://x.example/verify?code=482913 or write to 482913@x.example',
			),
		).toBeNull();
	});

	it('searches the subject as well as the body, and the subject wins a tie', () => {
		expect(findCode('738291 is your Instagram code', 'Enter the code from the subject.')).toBe(
			'738291',
		);
		expect(findCode('Code: 111111', 'Code: 222222')).toBe('111111');
	});

	it('reads full-width and Arabic-Indic digits', () => {
		expect(findCode('', '認証コード：４８２９１３')).toBe('482913');
		expect(findCode('', 'رمز التحقق: ٤٨٢٩١٥')).toBe('482915');
	});

	it('understands code words in other languages', () => {
		expect(findCode('', 'Tu código de verificación es 615204')).toBe('615204');
		expect(findCode('', 'Ihr Bestätigungscode lautet: 903712')).toBe('903712');
		expect(findCode('', 'Ваш код подтверждения: 593041')).toBe('593041');
		expect(findCode('', '您的验证码是：836104，10分钟内有效')).toBe('836104');
		expect(findCode('', 'קוד האימות שלך הוא 739105')).toBe('739105');
	});

	describe('with a user pattern', () => {
		it('uses the first capture group, else the whole match', () => {
			expect(findCode('', 'Ref AB-1234, code 5678', { codePattern: 'AB-(\\d{4})' })).toBe('1234');
			expect(findCode('', 'Ref AB-1234, code 5678', { codePattern: 'AB-\\d{4}' })).toBe('AB-1234');
			expect(findCode('', 'token: abc-def', { codePattern: '/TOKEN: ([a-z-]+)/i' })).toBe(
				'abc-def',
			);
		});

		it('is case-insensitive as a plain source, and takes its own flags as /source/flags', () => {
			expect(findCode('', 'Token: abc-def', { codePattern: 'token: ([a-z-]+)' })).toBe('abc-def');
			expect(findCode('', 'Token: abc-def', { codePattern: '/token: ([a-z-]+)/' })).toBeNull();
			expect(findCode('', 'Token: abc-def', { codePattern: '/Token: ([a-z-]+)/g' })).toBe(
				'abc-def',
			);
		});

		it('overrides the built-in rules, subject first', () => {
			expect(findCode('Your code is 111111', 'Your code is 222222', { codePattern: '2+' })).toBe(
				'222222',
			);
			expect(findCode('Key X9', 'Key Y8', { codePattern: 'Key (\\w+)' })).toBe('X9');
			expect(findCode('', 'Your code is 482913', { codePattern: 'nothing(\\d+)' })).toBeNull();
			expect(findCode('', 'Your code is 482913', { codePattern: '' })).toBe('482913');
		});

		it('throws a clear error for an invalid pattern', () => {
			expect(() => findCode('', 'x', { codePattern: '(\\d{6}' })).toThrow(InvalidPatternError);
			expect(() => findCode('', 'x', { codePattern: '(\\d{6}' })).toThrow(
				/^Code Pattern: "\(\\d\{6\}" is not a valid regular expression \(.+\)$/,
			);
			// The engine's reason, without repeating the pattern.
			expect(() => findCode('', 'x', { codePattern: '/a{2,1}/i' })).toThrow(
				/^Code Pattern: "\/a\{2,1\}\/i" is not a valid regular expression \([^/]+\)$/,
			);
			// Not a literal (x is not a flag): a plain source with slashes.
			expect(findCode('', 'see /path/to/x', { codePattern: '/path/to/x' })).toBe('/path/to/x');
		});
	});
});

describe('extractFromMessage', () => {
	it('reads an HTML message', () => {
		const result = extractFromMessage({
			subject: 'Confirm your account',
			html: true,
			content: `<p>Hi!</p><p>Your code is <b>604 217</b>.</p>
				<p><a href="https://app.example/confirm?t=Q1w2E3r4T5&amp;u=9">Confirm account</a></p>
				<p><a href="https://app.example/unsubscribe">Unsubscribe</a></p>`,
		});
		expect(result).toEqual({
			text: 'Hi!\n\nYour code is 604 217.\n\nConfirm account\n\nUnsubscribe',
			code: '604217',
			codeCandidates: [
				{
					code: '604217',
					confidence: 1,
					context: 'Hi! Your code is 604 217. Confirm account Unsubscribe',
				},
			],
			links: ['https://app.example/confirm?t=Q1w2E3r4T5&u=9', 'https://app.example/unsubscribe'],
			verificationLink: 'https://app.example/confirm?t=Q1w2E3r4T5&u=9',
			verificationLinkKind: 'verify',
		});
	});

	it('reads a plain-text message without touching entities', () => {
		const result = extractFromMessage({
			subject: 'Sign in',
			html: false,
			content: '  Use &amp; keep:\r\n\r\n\r\nhttps://app.example/magic-link?t=Z9x8C7v6B5  \r\n',
		});
		expect(result).toEqual({
			text: 'Use &amp; keep:\n\nhttps://app.example/magic-link?t=Z9x8C7v6B5',
			code: null,
			codeCandidates: [],
			links: ['https://app.example/magic-link?t=Z9x8C7v6B5'],
			verificationLink: 'https://app.example/magic-link?t=Z9x8C7v6B5',
			verificationLinkKind: 'magic sign-in',
		});
	});

	it('passes the user patterns on', () => {
		const message = {
			subject: 'Code',
			html: false,
			content: 'Your code is 482913 https://a.example/x https://b.example/y',
		};
		expect(
			extractFromMessage(message, { codePattern: 'is (\\d{3})', linkPattern: 'b\\.example' }),
		).toMatchObject({
			code: '482',
			verificationLink: 'https://b.example/y',
		});
		expect(() => extractFromMessage(message, { linkPattern: '[' })).toThrow(InvalidPatternError);
	});

	it('tolerates missing fields at runtime', () => {
		const loose = { subject: undefined, content: null, html: true } as unknown as Parameters<
			typeof extractFromMessage
		>[0];
		expect(extractFromMessage(loose)).toEqual({
			text: '',
			code: null,
			codeCandidates: [],
			links: [],
			verificationLink: null,
			verificationLinkKind: null,
		});
	});
});
