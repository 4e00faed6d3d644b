/** The city's late-charge table: read by those who compute charges, kept by finance. */
import type { Router } from 'express';
import { ApiFailure } from '../../../domain/api/errors.js';
import type { Db } from '../../db/db.js';
import { cityLateCharges, saveCityLateCharges, saveSpecialRate } from '../../late-charges/city-table.js';
import { TableRouter } from '../route.js';

const INVALID_TABLE =
  '延滞金の設定として読めません。区分・債権ごとの設定と率（小数2桁までのパーセント）を確認してください。';

export function lateChargesRoutes(db: Db): Router {
  return new TableRouter()
    .answer('lateCharges', () => cityLateCharges(db))
    .answer('saveLateCharges', ({ actor, body }) => saveCityLateCharges(db, actor, body(INVALID_TABLE)))
    .answer('saveSpecialRate', ({ actor, params, body }) => {
      const year = Number(params.year);
      if (!/^\d{4}$/.test(params.year ?? '') || year < 2000 || year > 2100) {
        throw new ApiFailure(400, 'invalid-input', '年は西暦4桁（2000〜2100）で指定してください。');
      }
      const rates = body(
        '特例の率は、前半（first）と後半（second）を小数2桁までのパーセントで指定してください（例: 2.8 と 9.1）。',
      );
      return saveSpecialRate(db, actor, { year, ...rates });
    }).router;
}
