// `sequenceRatio` is Python's `difflib.SequenceMatcher(None, a, b).ratio()`, autojunk included. Expectations:
//
//   $ python3.11 -c "from difflib import SequenceMatcher as S; print(S(None, a, b).ratio())"  (for each pair below)
//   xgboosttrainng / tabularpreprocessing          0.35294117647058826
//   packaging / package                            0.75
//   modelcalibration_calibration / xgboosttraining 0.32558139534883723
//   'abcab' * 50 / 'ab' * 120                      0.00816326530612245  (autojunk: 'a' and 'b' are popular in b)
//   '' / ''                                        1.0
import { strict as assert } from 'node:assert';
import { sequenceRatio } from '../../server/src/engine/util/sequenceRatio';

describe("sequenceRatio (difflib's SequenceMatcher.ratio)", () => {
  it('gives the ratio Python gives', () => {
    assert.equal(sequenceRatio('xgboosttrainng', 'tabularpreprocessing'), 0.35294117647058826);
    assert.equal(sequenceRatio('packaging', 'package'), 0.75);
    assert.equal(sequenceRatio('modelcalibration_calibration', 'xgboosttraining'), 0.32558139534883723);
    assert.equal(sequenceRatio('abcab'.repeat(50), 'ab'.repeat(120)), 0.00816326530612245);
    assert.equal(sequenceRatio('', ''), 1);
  });
});
