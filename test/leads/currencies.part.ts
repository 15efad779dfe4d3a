// The currency table leads and estimates share: known codes with their minor-unit digits.
import t from 'tap';
import { isKnownCurrency, isValidMinorAmount, minorDigits } from '../../src/money/currencies.js';

t.test('minor-unit digits per ISO 4217 currency; unknown codes refused', async (t) => {
  t.same(['JPY', 'USD', 'EUR', 'KWD', 'BHD', 'CLP'].map(minorDigits), [0, 2, 2, 3, 3, 0]);
  t.notOk(isKnownCurrency('XYZ'));
  t.notOk(isKnownCurrency('usd'), 'codes are upper case');
  t.notOk(isKnownCurrency('toString'), 'no inherited names');
  t.throws(() => minorDigits('XYZ'), /unknown currency XYZ/);
});

t.test('amounts are whole minor units from 0 to 2^53-1', async (t) => {
  t.ok(isValidMinorAmount(0));
  t.ok(isValidMinorAmount(Number.MAX_SAFE_INTEGER));
  t.notOk(isValidMinorAmount(-1));
  t.notOk(isValidMinorAmount(2 ** 53));
  t.notOk(isValidMinorAmount(1.5));
  t.notOk(isValidMinorAmount(Number.NaN));
});
