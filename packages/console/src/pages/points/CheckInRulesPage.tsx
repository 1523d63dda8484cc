import { Card } from 'antd';
import { zh } from '../../i18n/zh-CN';
import { CheckInRulesForm } from '../settings/CheckInRulesForm';

/** 签到奖励: the check-in rules, with the points pages (they were a tab of 店铺设置). */
export default function CheckInRulesPage() {
  return (
    <div>
      <div className='page-header'>
        <h2>{zh.settings.tabCheckIn}</h2>
      </div>
      <Card>
        <CheckInRulesForm />
      </Card>
    </div>
  );
}
