import { phraseMatcher } from './words';

/**
 * Words that name a verification code, in English, Spanish, French, German, Portuguese,
 * Italian, Russian, Polish, Dutch, Turkish, Arabic, Hebrew, Chinese, Japanese and Korean.
 * See words.ts for the matching rules (stems, "$" for whole words).
 */
const CODE_PHRASES = [
	// en
	'code', 'codes', 'otp$', 'pin$', 'passcode', 'one-time', 'one time', 'verification', '2fa$', 'mfa$',
	'is your', 'temporary password', 'security key$', 'token$',
	// es / pt / it
	'código', 'codigo', 'clave', 'verificación', 'verificação', 'codice', 'contraseña temporal',
	'senha temporária', 'uso único', 'usa e getta',
	// fr
	'vérification', 'mot de passe temporaire', 'usage unique',
	// de
	'bestätigungscode', 'sicherheitscode', 'verifizierungscode', 'einmalcode', 'zugangscode',
	'anmeldecode', 'tan$', 'mtan$', 'einmalpasswort', 'verifizierung',
	// ru
	'код', 'пароль для входа', 'одноразов', 'подтверждения',
	// pl
	'kod', 'weryfikac', 'jednorazow',
	// nl
	'verificatiecode', 'beveiligingscode', 'bevestigingscode', 'inlogcode', 'verificatie',
	// tr
	'doğrulama', 'tek kullanımlık', 'şifre',
	// ar
	'رمز', 'الرمز', 'كود', 'التحقق',
	// he
	'קוד', 'הקוד', 'אימות',
	// zh
	'验证码', '驗證碼', '校验码', '动态码', '确认码', '验证', '驗證',
	// ja
	'認証コード', '確認コード', '認証番号', 'ワンタイム', 'パスコード', 'コード', '認証',
	// ko
	'인증번호', '인증 코드', '인증코드', '코드',
];

export const CODE_WORDS_GLOBAL = phraseMatcher(CODE_PHRASES, true);

/** The nouns alone ("code", "PIN", "код"...): a sentence with one is about a code. */
export const CODE_NOUNS = phraseMatcher([
	'code', 'otp$', 'pin$', 'passcode', 'one-time code', 'código', 'codigo', 'codice', 'tan$', 'код',
	'kod', 'şifre', 'رمز', 'كود', 'קוד', '验证码', '驗證碼', 'コード', '認証番号', '인증번호', '코드',
]);

/** Codes that are not verification codes: a number right after these is not the answer. */
const OTHER_CODE_PHRASES = [
	'promo code', 'promotional code', 'discount code', 'coupon code', 'coupon', 'voucher', 'gift card',
	'gift code', 'zip code', 'postal code', 'post code', 'postcode', 'area code', 'country code',
	'qr code', 'source code', 'error code', 'status code', 'product code', 'referral code',
	'tracking code', 'booking code', 'reservation code', 'discount', 'código postal', 'código promocional',
	'code postal', 'code promo', 'postleitzahl', 'plz$', 'gutscheincode', 'rabattcode', 'cupón',
	'codice sconto', 'codice postale', 'cap$', 'промокод', 'почтовый индекс', 'kod pocztowy',
	'kod rabatowy', 'postcode', 'indirim kodu', 'posta kodu', 'código de desconto', 'cep$',
	'优惠码', '优惠券', '邮编', '郵便番号', 'クーポン',
];

export const OTHER_CODE_WORDS_GLOBAL = phraseMatcher(OTHER_CODE_PHRASES, true);

/**
 * What a number right after these is: an order, invoice, ticket, account, phone number,
 * street address... (the end of the text before the candidate is tested).
 */
const REFERENCE_WORDS = [
	'order', 'orders', 'invoice', 'inv', 'ref', 'reference', 'ticket', 'case', 'booking', 'reservation',
	'account', 'acct', 'customer', 'member', 'membership', 'id', 'transaction', 'txn', 'tracking',
	'receipt', 'item', 'sku', 'model', 'serial', 'suite', 'ste', 'apt', 'apartment', 'unit', 'box',
	'room', 'flight', 'nr', 'num', 'number', 'no', 'nº', 'n°', 'call', 'phone', 'tel', 'telephone',
	'mobile', 'cell', 'fax', 'whatsapp', 'hotline', 'page', 'step', 'version', 'build', 'release',
	'floor', 'gate', 'seat', 'table', 'zip', 'pedido', 'factura', 'referencia', 'número', 'numero',
	'commande', 'facture', 'référence', 'bestellung', 'bestellnummer', 'rechnung', 'rechnungsnummer',
	'kundennummer', 'auftrag', 'auftragsnummer', 'ordine', 'fattura', 'riferimento', 'заказ', 'заказа',
	'счет', 'счёт', 'номер', 'тел', 'телефон', 'zamówienie', 'zamówienia', 'faktura', 'numer',
	'sipariş', 'siparişi', 'siparişiniz', 'numarası', 'numarasi', 'fatura', 'bestelling', 'factuur', 'referentie', 'encomenda',
	'telefone', 'teléfono', 'téléphone', 'telefono', 'telefon', 'rua', 'calle', 'rue', 'via', 'ulica',
	'ul', 'straße', 'strasse', 'str', 'ending in', 'ending with', 'ends in', 'ending', 'last 4',
	'last four', 'amount', 'total', 'subtotal', 'balance', 'betrag', 'summe', 'importe', 'montant',
	'сумма', 'kwota', 'tutar', 'bedrag', 'valor', 'importo', 'postbus', 'postfach', 'apartado', 'hrb', 'cnpj', 'siret',
];

export const REFERENCE_BEFORE = new RegExp(
	`(?:(?<![\\p{L}\\p{N}])(?:${REFERENCE_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})|订单号?|订单编号|单号|注文番号|注文|お問い合わせ番号|電話|电话|客服热线|客服电话|〒|주문번호|고객센터|전화)[\\s.:#№°-]*$|[*•xX]{2,}[\\s-]*$`,
	'iu',
);
