import {
	extractFromMessage,
	findCode,
	findCodeCandidates,
} from '../../../../nodes/TempMail/extract';

/**
 * The families of issue #21, one small mail each, written here (not taken from a corpus):
 * each assertion fails without the rule that handles its family.
 */
const text = (subject: string, content: string) =>
	extractFromMessage({ subject, content, html: false });
const html = (subject: string, content: string) =>
	extractFromMessage({ subject, content, html: true });

describe('codes as a person types them', () => {
	it('reads a code of capitals only when it is set apart as a code', () => {
		expect(findCode('', 'Your sign-in code:\n\nQGWQMY\n\nIt expires soon.')).toBe('QGWQMY');
		expect(findCode('', 'Código de verificación: KXMPTQ')).toBe('KXMPTQ');
		expect(findCode('', 'Your Pebble sign-in code is WQRTZN. It expires soon.')).toBe('WQRTZN');
		expect(findCode('', 'Dein Code lautet QWHMRT.')).toBe('QWHMRT');
		expect(findCode('', 'Dein Anmeldecode: QXRT-PLMW')).toBe('QXRT-PLMW');
		// A heading in capitals that the mail also writes in lower case is a word.
		expect(
			findCode('', 'VERIFY\n\nPlease verify your email with the code sent by SMS.'),
		).toBeNull();
		// Capitals inside a sentence are not a code.
		expect(findCode('', 'Your code is in the WELCOME pack.')).toBeNull();
	});

	it('keeps the case of a mixed-case code', () => {
		expect(findCode('', 'Kod weryfikacyjny: yupf2BkP')).toBe('yupf2BkP');
		expect(findCode('', 'Enter this code:\n  4AeVGrue\n')).toBe('4AeVGrue');
		expect(findCode('', 'Our iPhone14 app has a new code editor')).toBeNull();
	});

	it('keeps a hyphen shown in an alphanumeric code, drops grouping between digits', () => {
		expect(findCode('', 'Your code: 7J5-ANC')).toBe('7J5-ANC');
		expect(findCode('', 'Your code: 582 013')).toBe('582013');
		expect(findCode('', 'Your code: 582-013')).toBe('582013');
		expect(findCode('', 'Il tuo codice monouso è: 55 81 93')).toBe('558193');
		expect(findCode('', 'PIN: 12-34-56-78')).toBe('12345678');
		// A longer chain is a phone or an account number, not a code.
		expect(findCode('', 'Code line: 55 81 93 20 11')).toBeNull();
	});
});

describe('numbers that are not the code', () => {
	it('skips numbers labelled with the local word for another kind of code', () => {
		const mail = 'Código da reserva: J99VJX\nCEP 01310-200\nSeu código de verificação: 482913';
		expect(findCode('', mail)).toBe('482913');
		expect(findCode('', 'Kode verifikasi Anda:\n\n839104\n\nKode pos: 12190')).toBe('839104');
		expect(findCode('', 'מיקוד: 96317\nקוד האימות שלך: 579652')).toBe('579652');
		expect(findCode('', 'Код бронювання: 455813\nПідтвердьте свою адресу.')).toBeNull();
		expect(findCode('', '验证码请查收。取票码 652174')).toBeNull();
		expect(findCode('', 'Numer przesyłki: 6200123456789\nKod odbioru: 482913')).toBeNull();
		expect(findCode('', 'New roasts! Use code AUTUMN24 for 10% off.')).toBeNull();
		expect(
			findCode('', 'Gutscheincode folgt. Dein Code 482913 beim Bezahlen eingeben für Rabatt'),
		).toBeNull();
	});

	it('says nothing when the code went to a phone or an app', () => {
		expect(
			findCode('', 'أرسلنا رمزًا برسالة نصية إلى رقم هاتفك المنتهي بـ 2075. أدخله في التطبيق.'),
		).toBeNull();
		expect(
			findCode('', 'Sonu 4821 ile biten telefon numaranıza SMS ile bir kod gönderdik.'),
		).toBeNull();
		expect(findCode('', '我们已通过短信向尾号4821的手机发送验证码，请在App中输入。')).toBeNull();
	});

	it('takes the new code, not the expired one the mail quotes, in either order', () => {
		expect(
			findCode('', 'The code 111111 we sent earlier has expired.\nYour new code:\n\n222222'),
		).toBe('222222');
		expect(
			findCode(
				'',
				'Ваш новый код:\n\n222222\n\nКод 111111, отправленный ранее, больше не действует.',
			),
		).toBe('222222');
	});

	it('does not read a postal code off an address line in any script', () => {
		expect(findCode('', 'Verify your email.\n\nרחוב Cedar 10, תל אביב 6473921')).toBeNull();
		expect(findCode('', 'Bitte bestätigen.\n\nGardenstraat 41, 1012 AB Amsterdam')).toBeNull();
		expect(findCode('', '验证邮箱\n上海市浦东新区Oak路88号 200120')).toBeNull();
	});
});

describe('codeCandidates and confidence', () => {
	it('lists candidates best first with a confidence and the text around them', () => {
		const list = findCodeCandidates('', 'Booking ref 77120.\nYour verification code is 482913.');
		expect(list[0]).toEqual({
			code: '482913',
			confidence: expect.any(Number),
			context: expect.stringContaining('verification code is 482913'),
		});
		expect(list[0].confidence).toBeGreaterThan(0.8);
		expect(list.every((c) => c.confidence >= 0 && c.confidence <= 1)).toBe(true);
	});

	it('is less sure when two different numbers look alike', () => {
		const clear = findCodeCandidates('', 'Your code is 482913.')[0];
		const doubtful = findCodeCandidates('', 'Your code is 482913 or 739104.');
		expect(doubtful.map((c) => c.code)).toEqual(['482913', '739104']);
		expect(doubtful[0].confidence).toBeLessThan(clear.confidence);
	});

	it('Minimum Confidence leaves code null below it, and keeps the candidates', () => {
		const message = { subject: '', content: 'Your code is 482913 or 739104.', html: false };
		const loose = extractFromMessage(message, { minimumConfidence: 0 });
		const strict = extractFromMessage(message, { minimumConfidence: 0.9 });
		expect(loose.code).toBe('482913');
		expect(strict.code).toBeNull();
		expect(strict.codeCandidates).toEqual(loose.codeCandidates);
	});

	it('refuses a Minimum Confidence outside 0–1 and says what to set', () => {
		const message = { subject: '', content: 'code 482913', html: false };
		expect(() => extractFromMessage(message, { minimumConfidence: 2 })).toThrow(
			/^Minimum Confidence must be a number from 0 to 1 \(got 2\)/,
		);
		expect(() =>
			extractFromMessage(message, { minimumConfidence: 'high' as unknown as number }),
		).toThrow(RangeError);
	});

	it('gives the Code Pattern match with confidence 1', () => {
		const result = extractFromMessage(
			{ subject: '', content: 'ref ZZ-99 code 482913', html: false },
			{ codePattern: 'ref (\\S+)' },
		);
		expect(result.code).toBe('ZZ-99');
		expect(result.codeCandidates).toEqual([
			{ code: 'ZZ-99', confidence: 1, context: 'matched the Code Pattern' },
		]);
	});
});

describe('verification links', () => {
	it('reads a single-page-app route in the fragment', () => {
		const url = 'https://app.example.net/#/verify-email?token=eyJhbGciOiJIUzI1NiJ9.abc.def';
		const result = text('Confirm', `Open this page:\n${url}`);
		expect(result.verificationLink).toBe(url);
		expect(result.verificationLinkKind).toBe('verify');
	});

	it('decodes &#61; and &amp; in an href and keeps a non-ASCII path as written', () => {
		const result = html(
			'Konto',
			'<a href="https://shop.example.de/konto/bestätigen?email&#61;a%40b.c&amp;token&#x3D;Zk29aQ81xLm">Konto bestätigen</a>',
		);
		expect(result.verificationLink).toBe(
			'https://shop.example.de/konto/bestätigen?email=a%40b.c&token=Zk29aQ81xLm',
		);
	});

	it('ends a link written in text where Chinese or Japanese text runs on', () => {
		const result = text('验证', '验证邮箱：https://a.example.cn/verify?t=Ab12Cd34Ef完成操作。');
		expect(result.verificationLink).toBe('https://a.example.cn/verify?t=Ab12Cd34Ef');
	});

	it('takes the approve link of an approve/deny pair, even when deny comes first', () => {
		const deny = 'https://id.example.com/login/deny?request=Q1w2E3r4T5y6U7i8';
		const approve = 'https://id.example.com/login/approve?request=Q1w2E3r4T5y6U7i8';
		const result = html(
			'Is this you?',
			`<p>Someone is signing in.</p><a href="${deny}">No, it wasn't me</a> <a href="${approve}">Yes, it was me</a>`,
		);
		expect(result.verificationLink).toBe(approve);
		expect(result.verificationLinkKind).toBe('approve sign-in');
		const tr = html(
			'Giriş',
			`<a href="${deny}">Hayır, ben değildim</a><a href="${approve}">Evet, bendim</a>`,
		);
		expect(tr.verificationLink).toBe(approve);
	});

	it('reads "no, it wasn\'t me" only right before a link written in text', () => {
		const url = 'https://t.example/lo/reset?ticket=Zx81qLm2Kp#';
		const blocked = text(
			'Account blocked',
			`We blocked suspicious sign-ins. To unblock your account, reset your password:\n${url}`,
		);
		expect(blocked.verificationLink).toBe(url);
		expect(text('Sign-in', `No, it wasn't me: ${url}`).verificationLink).toBeNull();
	});

	it('takes a confirmation page served under /help/ when it carries a token, and not a help article', () => {
		const confirm = 'https://nid.example.kr/user2/help/emailConfirm?token=Kq81zXm2Lp0W';
		expect(
			text('인증', `아래 링크를 클릭하여 이메일 인증을 완료해 주세요.\n${confirm}`)
				.verificationLink,
		).toBe(confirm);
		const article = 'https://ajuda.example.pt/artigos/porque-confirmar-email';
		const button = 'https://example.pt/contas/confirmar-email?t=Wm3Nq8Zp1Lr6Vx4K';
		const mail = html(
			'Confirme',
			`<p><a href="${article}">Porque confirmar?</a></p><a href="${button}">Confirmar e-mail</a>`,
		);
		expect(mail.verificationLink).toBe(button);
	});

	it('takes an invitation link, and a link a Thai sentence introduces after a code', () => {
		const invite = 'https://team.example.com/invite/accept?token=Kq81zXm2Lp0Wx';
		expect(html('Invited', `<a href="${invite}">Accept invitation</a>`).verificationLink).toBe(
			invite,
		);
		const url = 'https://app.example.co.th/v?t=Kq81zXm2Lp0Wx';
		const th = text('ยืนยัน', `รหัสยืนยันตัวตนของคุณคือ 402 118 หรือกดลิงก์ ${url} เพื่อยืนยัน`);
		expect(th).toMatchObject({ code: '402118', verificationLink: url });
	});

	it('takes an unlock link for a locked account', () => {
		const url = 'https://rails.example/users/unlock?unlock_token=Qm2kL9xZ0pW';
		expect(
			html('Unlock instructions', `<a href="${url}">Unlock my account</a>`).verificationLink,
		).toBe(url);
	});

	it('finds no verification link in notification mails', () => {
		const changed = html(
			'Your password was changed',
			'<p>Your password was changed today.</p><p>If this wasn\'t you, reset your password now. <a href="https://a.example.com/password/reset">Reset password</a></p>',
		);
		expect(changed.verificationLink).toBeNull();
		const signIn = html(
			'New sign-in',
			'<p>New sign-in from Firefox.</p><a href="https://a.example.com/settings/security?session=vj9vhl0CWLpl">Review account activity</a>',
		);
		expect(signIn.verificationLink).toBeNull();
		const didNot = text(
			'Password changed',
			"Your password was changed. If you didn't do this, reset it here: https://a.example.com/password/reset",
		);
		expect(didNot.verificationLink).toBeNull();
		const noAccount = text(
			'Atur ulang kata sandi',
			'Ada permintaan atur ulang kata sandi, tetapi tidak ada akun yang terdaftar. Daftar di sini: https://a.example.co.id/daftar',
		);
		expect(noAccount.verificationLink).toBeNull();
		const welcome = text(
			'Welcome',
			'Welcome aboard!\n\nForgot your password? https://a.example.com/forgot-password',
		);
		expect(welcome.verificationLink).toBeNull();
		const shipped = html(
			'Shipped',
			'<a href="https://shop.example.com/orders/4821/tracking?n=1Z999">Track package</a>',
		);
		expect(shipped.verificationLink).toBeNull();
	});

	it('says what the link does', () => {
		const kind = (label: string, url: string) =>
			html('', `<a href="${url}">${label}</a>`).verificationLinkKind;
		expect(kind('Reset password', 'https://a.example.com/reset?t=Zk29aQ81xLm')).toBe('reset');
		expect(kind('Sign in to Acme', 'https://a.example.com/login/ott?token=Zk29aQ81xLm')).toBe(
			'magic sign-in',
		);
		expect(kind('Yes, subscribe me', 'https://a.example.com/members/?token=Zk29aQ81xLm')).toBe(
			'confirm subscription',
		);
		expect(kind('Confirm email address', 'https://a.example.com/c/Zk29aQ81xLm')).toBe('verify');
		expect(html('', '<p>nothing here</p>').verificationLinkKind).toBeNull();
	});
});
