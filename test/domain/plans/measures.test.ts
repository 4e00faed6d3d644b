/** The measure catalogue: stable unique ids, Japanese labels, the seed's examples all present. */
import { describe, expect, it } from 'vitest';
import {
  ESCALATION_STEPS,
  findMeasure,
  MEASURE_GROUP_LABELS,
  MEASURE_IDS,
  MEASURES,
  sortMeasureIds,
} from '../../../domain/plans/measures.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('MEASURES', () => {
  it('has unique kebab-case ids, Japanese labels and hints, and known groups', () => {
    expect(new Set(MEASURE_IDS).size).toBe(MEASURES.length);
    for (const m of MEASURES) {
      expect(m.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(m.label).toMatch(JAPANESE);
      expect(m.hint).toMatch(JAPANESE);
      expect(MEASURE_GROUP_LABELS[m.group]).toBeDefined();
    }
  });

  it('holds the seed’s examples of 取組み', () => {
    for (const [id, word] of [
      ['early-dunning', '滞納初期'],
      ['staged-escalation', '段階的'],
      ['aging-analysis', '滞納年数別'],
      ['prevention', '未然防止'],
      ['direct-debit', '口座振替'],
      ['support-referral', '支援窓口'],
      ['intensive-period', '集中催告'],
    ] as const) {
      expect(findMeasure(id)?.label).toContain(word);
    }
    expect(findMeasure('nothing')).toBeUndefined();
  });

  it('orders the escalation from letter to home visit', () => {
    expect(ESCALATION_STEPS).toEqual(['文書', 'SMS', 'オートコール', '電話', '勤務先', '臨戸']);
    expect(findMeasure('staged-escalation')?.label).toContain(ESCALATION_STEPS.join('→'));
  });

  it('sorts chosen ids into catalogue order without duplicates', () => {
    expect(sortMeasureIds(['prevention', 'early-dunning', 'prevention'])).toEqual(['early-dunning', 'prevention']);
  });
});
