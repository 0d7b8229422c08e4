// @ts-check
/**
 * The user-visible words of the renderer come from the message catalogue (renderer/src/i18n/messages), not
 * from JSX. `no-jsx-literal-text` reports words written in JSX — text between tags, a string or template
 * literal as a child (also inside `a ? 'x' : 'y'` and `a && 'x'`), and the attributes people read or hear
 * (aria-label, title, placeholder, alt…) — everywhere in the renderer: every screen is translated, and a
 * new one is guarded from its first line. `tests/i18n-lint.test.ts` plants a literal in each of the
 * renderer's folders (and in a new one) and expects it reported.
 */

/** Folders and files whose JSX is translated, from the repository root: the whole renderer. */
export const TRANSLATED_PATHS = ['renderer/src'];

/** Text that is the same in every language: the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Calm Line']);

/** Attributes a person reads or hears. */
const USER_VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const LETTER = /\p{L}/u;

/** @param {string} text */
function hasWords(text) {
  const trimmed = text.trim();
  return LETTER.test(trimmed) && !SAME_IN_EVERY_LANGUAGE.has(trimmed);
}

/**
 * The string-like parts of an expression that end up on screen: literals, template literals' text,
 * both branches of a conditional and the right side of `&&` / `||` / `??`.
 * @param {any} node
 * @returns {any[]}
 */
function literalParts(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && hasWords(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return node.quasis.some((/** @type {any} */ q) => hasWords(q.value.cooked ?? ''))
        ? [node]
        : [];
    case 'ConditionalExpression':
      return [...literalParts(node.consequent), ...literalParts(node.alternate)];
    case 'LogicalExpression':
      return literalParts(node.right);
    default:
      return [];
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const noJsxLiteralText = {
  meta: {
    type: 'problem',
    docs: { description: 'user-visible words in JSX come from the message catalogue' },
    messages: {
      text: 'User-visible text "{{text}}" is written in JSX: put it in renderer/src/i18n/messages and use <FormattedMessage> or intl.formatMessage.',
      attribute:
        'The {{name}} attribute is written in JSX: put its words in renderer/src/i18n/messages and use intl.formatMessage.',
    },
    schema: [],
  },
  create(context) {
    /** @param {any} node  @param {string} text */
    const reportText = (node, text) =>
      context.report({ node, messageId: 'text', data: { text: text.trim().slice(0, 40) } });
    return {
      /** @param {any} node */
      JSXText(node) {
        if (hasWords(node.value)) reportText(node, node.value);
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        if (node.parent.type === 'JSXAttribute') return;
        for (const part of literalParts(node.expression))
          reportText(part, part.type === 'Literal' ? part.value : context.sourceCode.getText(part));
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!USER_VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        const parts =
          node.value.type === 'JSXExpressionContainer'
            ? literalParts(node.value.expression)
            : literalParts(node.value);
        if (parts.length > 0) context.report({ node, messageId: 'attribute', data: { name } });
      },
    };
  },
};

export const i18nPlugin = { rules: { 'no-jsx-literal-text': noJsxLiteralText } };

/** The ESLint files globs of the translated places. */
export function translatedFiles() {
  return TRANSLATED_PATHS.map((p) => (/\.[jt]sx?$/.test(p) ? p : `${p}/**/*.{ts,tsx}`));
}
