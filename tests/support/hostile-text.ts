/**
 * Text as agents and hostile files write it, shared by the reliability suite (notes round trip) and the
 * team store's tests: emoji (ZWJ families, flags, skin tones), right-to-left script with bidi controls, and
 * every control character (U+0000 included), line and paragraph separators, BOM, zero-width characters.
 * Formula-looking and quote/newline text for spreadsheets is `TRICKY_TEXTS` in session-factory.ts.
 */
export const EMOJI = ['😤', '🙏', '👩‍👩‍👧', '🇩🇪', '🇸🇦', '👍🏽', '🧑🏿‍💻', '❤️', '1️⃣', '🫠'];
export const RTL = [
  'الفاتورة غير صحيحة',
  'لم يتصل بي أحد',
  'החשבון שגוי',
  'הוא ביקש מנהל',
  '\u202Bمرحبا\u202C',
  '\u2067שלום\u2069',
  '\u200F',
];
export const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007F',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u2066',
];
