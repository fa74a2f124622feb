import { useTranslation } from 'react-i18next';
import type { ScorecardDetail } from '../../../../shared/contracts/scorecards';
import { Cols, PrintSheet } from '../../../components/PrintSheet';
import { fmtPoints, itemKey } from '../card';
import { personText, useValueText } from './ItemValue';
import { usePeriodLabel } from './Pickers';
import './scorecard-print.css';

/**
 * The card on paper, one A4 page, laid out like the seed's form: 项目 / 计分标准 / 满分 / 实际 / 得分 / 说明, the
 * total against the full marks, the three comments and the signature lines 被考核人 / 考核人 / 部门经理 with their
 * dates. Not shown on screen; 打印 (window.print) prints it alone (the kit's print-sheet.css hides the app).
 */
export function CardPrint({ card }: { card: ScorecardDetail }) {
  const { t } = useTranslation('scorecards');
  const period = usePeriodLabel();
  const valueText = useValueText();
  const signer = (label: string) => (
    <td className="scorecard-sign">
      <div>{label}：</div>
      <div className="scorecard-sign-date">{t('print.date')}：</div>
    </td>
  );
  return (
    <div className="scorecard-print-only" aria-hidden>
      <PrintSheet
        title={t(`kinds.${card.kind}`)}
        meta={[`${t('card.period')}：${period(card.period)}`, `${t('card.person')}：${personText(t, card.person)}`, `${t('card.unit')}：${card.unit.name}`]}
        className="scorecard-print"
        testId="scorecard-print-sheet"
      >
        <table>
          <Cols widths={['5%', '14%', undefined, '7%', '13%', '7%', '17%']} />
          <thead>
            <tr>
              <th>{t('print.no')}</th>
              <th>{t('columns.name')}</th>
              <th>{t('columns.reading')}</th>
              <th>{t('columns.full')}</th>
              <th>{t('columns.value')}</th>
              <th>{t('columns.points')}</th>
              <th>{t('columns.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {card.items.map((item, i) => {
              const v = valueText(item);
              return (
                <tr key={item.key}>
                  <td className="num">{i + 1}</td>
                  <td>{t(itemKey(card.kind, item.key, 'name'))}</td>
                  <td className="reading">{t(itemKey(card.kind, item.key, 'reading'))}</td>
                  <td className="num">{fmtPoints(item.rule.points)}</td>
                  <td className="num">{v.parts ? `${v.main}\n${v.parts}` : v.main === '—' ? '' : v.main}</td>
                  <td className="num">{item.points === null ? '' : fmtPoints(item.points)}</td>
                  <td>{item.comment ?? ''}</td>
                </tr>
              );
            })}
            <tr className="total">
              <th colSpan={3}>{t('print.total', { threshold: fmtPoints(card.threshold) })}</th>
              <td className="num">{fmtPoints(card.fullMarks)}</td>
              <td />
              <td className="num">
                <strong>{fmtPoints(card.total)}</strong>
              </td>
              <td>{card.warning ? t('card.warningTag') : card.complete ? '' : t('card.missing', { count: card.missing })}</td>
            </tr>
          </tbody>
        </table>
        <table>
          <Cols widths={['19%', undefined]} />
          <tbody>
            <tr>
              <th>{t('comments.self')}</th>
              <td className="comment">{card.selfComment ?? ''}</td>
            </tr>
            <tr>
              <th>{t('comments.evaluator')}</th>
              <td className="comment">{card.evaluatorComment ?? ''}</td>
            </tr>
            <tr>
              <th>{t('comments.director')}</th>
              <td className="comment">{card.directorComment ?? ''}</td>
            </tr>
          </tbody>
        </table>
        <table>
          <tbody>
            <tr>
              {signer(t('print.signPerson'))}
              {signer(t('print.signEvaluator'))}
              {signer(t('print.signDirector'))}
            </tr>
          </tbody>
        </table>
      </PrintSheet>
    </div>
  );
}
