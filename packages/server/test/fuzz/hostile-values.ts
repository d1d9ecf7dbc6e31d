import fc from 'fast-check';

/** Strings that broke or could break the edge: NUL, lone surrogates, RTL, escapes, injections, number-likes. */
const NASTY = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud800y', '\ufdd0\ufdd1', '\u202eevil\u202c', 'مرحبا بالعالم', '😀', '\u200b',
  '%00', '%', '%FF', '\\', '"', "' OR 1=1 --", '%_\\', '<script>alert(1)</script>', '../../etc/passwd', 'null', 'true', 'undefined',
  '-1', '0', '1', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '9007199254740991', '9007199254740993', '99999999999999999999999',
  'java', 'JAVA', 'STUDENT', 'ADMIN', 'VIEW_ONLY', 'READ', 'createdAt,desc', 'a@b.cd', 'Password1', '09:00', '24:00',
];

/** Well-formed and malformed dates, inside and outside the supported range. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0001-01-01', '0099-12-31', '0100-01-01', '1000-01-01', '1899-12-31', '1900-01-01', '9999-12-30', '9999-12-31', '2024-02-29', '2025-02-29', '2025-13-01', '20251201', '2025-1-1', '+275760-09-13'),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
);

/** Extreme and ordinary numbers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE, 0.5),
);

/**
 * Any string a hostile client could send, from short unicode to long text of up to `maxLength`
 * characters (URLs stay under the HTTP header limit; bodies go up to about 70 000).
 */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: hostileDate },
    { weight: 1, arbitrary: hostileNumber.map(String) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '\u0000', '가', '😀', '\u202e'), fc.integer({ min: 41, max: maxLength })).map(([c, n]) => c.repeat(n)) },
  );
}

/** A hostile string for bodies. */
export const hostileString = hostileText(70_000);

/** A JSON value of any type, hostile at the leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Percent-encodes every byte of the UTF-8 form except unreserved characters (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A path or query value: usually percent-encoded text, sometimes raw malformed escapes. */
export function urlValue(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 9, arbitrary: text.map(percentEncode) }, { weight: 1, arbitrary: fc.constantFrom('%', '%Z1', '%FF', '%C0%80', '%ED%A0%80', '%E0%80', '+', '%2F', '..') });
}
