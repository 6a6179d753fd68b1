/** The 落款 (show.signature): which lines a notice ends with, from the model's roles. */
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/content/model.ts';
import { signatureOf } from '../../src/lib/fields.ts';

describe('signatureOf', () => {
  const fields = fieldsOf('notices');

  it('is the issuer then the 成文日期', () => {
    expect(signatureOf(fields, { issuer: '长沙市望城区妇女联合会', writtenDate: '2024-04-15' })).toEqual([
      { kind: 'text', value: '长沙市望城区妇女联合会' },
      { kind: 'date', value: '2024-04-15' },
    ]);
  });

  it('falls back to the default issuer, as the page does', () => {
    expect(signatureOf(fields, { writtenDate: '2024-04-15' })[0]).toEqual({
      kind: 'text',
      value: '长沙市望城区妇女联合会',
    });
  });

  it('is empty without a 成文日期, and for sections without the role', () => {
    expect(signatureOf(fields, { issuer: '长沙市望城区妇女联合会' })).toEqual([]);
    expect(signatureOf(fieldsOf('news'), { source: '望城区妇联', date: '2024-04-15' })).toEqual([]);
  });
});
