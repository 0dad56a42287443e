import { describe, expect, it } from 'vitest';
import { stripUnsafeCharacters, unsafeCharacter, unsafeCharacterMessage } from '../../src/shared/clean-text';

const messageFor = (text: string) => {
  const found = unsafeCharacter(text);
  return found && unsafeCharacterMessage(found);
};

describe('unsafeCharacter()', () => {
  it.each([
    ['a NUL', 'ab\u0000c', 'must not contain U+0000 NULL (at character 3)'],
    ['an escape, which can recolour a terminal reading the database', '\u001b[31mred', 'must not contain U+001B ESCAPE (at character 1)'],
    ['a backspace', 'paid\u0008\u0008\u0008\u0008free', 'must not contain U+0008 BACKSPACE (at character 5)'],
    ['DEL', 'x\u007f', 'must not contain U+007F DELETE (at character 2)'],
    ['a C1 control', 'x\u0085y', 'must not contain U+0085 C1 CONTROL CHARACTER (at character 2)'],
    ['a right-to-left override', 'abc\u202Efdp.exe', 'must not contain U+202E RIGHT-TO-LEFT OVERRIDE (at character 4)'],
    ['a left-to-right embedding', '\u202Ax', 'must not contain U+202A LEFT-TO-RIGHT EMBEDDING (at character 1)'],
    ['a first-strong isolate', 'x\u2068y', 'must not contain U+2068 FIRST STRONG ISOLATE (at character 2)'],
    ['a pop directional isolate', 'x\u2069', 'must not contain U+2069 POP DIRECTIONAL ISOLATE (at character 2)'],
    ['a lone high surrogate', 'x\uD83D', 'must not contain U+D83D LONE SURROGATE (at character 2)'],
    ['a lone low surrogate', '\uDE00x', 'must not contain U+DE00 LONE SURROGATE (at character 1)'],
    ['a reversed surrogate pair', '\uDE00\uD83D', 'must not contain U+DE00 LONE SURROGATE (at character 1)'],
    ['U+FFFE', 'x\uFFFE', 'must not contain U+FFFE NONCHARACTER (at character 2)'],
    ['U+FFFF', '\uFFFF', 'must not contain U+FFFF NONCHARACTER (at character 1)'],
  ])('names %s and where it is', (_what, text, message) => {
    expect(messageFor(text)).toBe(message);
  });

  it('counts an emoji before the character as one character, as a person would', () => {
    expect(unsafeCharacter('👍\u202E')).toEqual({ index: 2, position: 2, codePoint: 0x202e, name: 'RIGHT-TO-LEFT OVERRIDE' });
  });

  it.each([
    ['tabs, line feeds and carriage returns', 'Line one\r\n\tLine two\n'],
    ['LRM, RLM and ALM, ordinary in Arabic and Hebrew text', 'שלום\u200F abc \u200E مرحبا\u061C'],
    ['emoji, whose surrogates come in pairs', 'Great 👍🏽 service 🇫🇷'],
    ['every script and the escaped text a visitor may type', 'Très bien, 很好, отлично, typed \\u0000 literally'],
    ['zero-width joiners and non-breaking spaces', 'a\u200Db\u00A0c'],
    ['an empty string', ''],
  ])('keeps %s', (_what, text) => {
    expect(unsafeCharacter(text)).toBeUndefined();
  });
});

describe('stripUnsafeCharacters()', () => {
  it('takes out only the characters unsafeCharacter refuses, keeping the rest as written', () => {
    expect(stripUnsafeCharacters('Tr\u0000ès \u202Ebien\u2066 👍\uD83D\n')).toBe('Très bien 👍\n');
  });
});
