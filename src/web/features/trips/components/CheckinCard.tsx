import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TripCheckinCreate, TripDetail } from '../../../../shared/contracts/trips';
import { api } from '../../../api/client';
import { useTripAction } from '../api';

type Fix = { latitude: number; longitude: number; accuracy: number };
type LocState = { kind: 'idle' } | { kind: 'locating' } | { kind: 'located'; fix: Fix } | { kind: 'failed' };

/**
 * 行踪登记 for today, made for a phone: one tap asks the browser for the position (kept to six
 * decimals); when it is refused or unavailable the place is typed instead. The server stamps the
 * time and refuses a second check-in the same day.
 */
export function CheckinCard({ trip }: { trip: TripDetail }) {
  const { t } = useTranslation('trips');
  const [form] = Form.useForm<{ place?: string; work: string }>();
  const [loc, setLoc] = useState<LocState>({ kind: 'idle' });
  const checkIn = useTripAction((body: TripCheckinCreate) => api.post<TripDetail>(`/api/trips/${trip.id}/checkins`, body), { form, done: 'checkedIn', onDone: () => form.resetFields() });

  const locate = () => {
    if (!('geolocation' in navigator)) return setLoc({ kind: 'failed' });
    setLoc({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setLoc({ kind: 'located', fix: { latitude: round6(p.coords.latitude), longitude: round6(p.coords.longitude), accuracy: Math.round(p.coords.accuracy) } }),
      () => setLoc({ kind: 'failed' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  const fix = loc.kind === 'located' ? loc.fix : null;
  const submit = (v: { place?: string; work: string }) => checkIn.mutate({ ...(fix ?? {}), place: v.place || null, work: v.work });

  return (
    <Card title={<span><EnvironmentOutlined /> {t('checkin.title')}</span>} extra={<Typography.Text type="secondary">{t('checkin.today', { day: trip.today })}</Typography.Text>} data-testid="trip-checkin">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('checkin.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Button block size="large" icon={<AimOutlined />} loading={loc.kind === 'locating'} onClick={locate} style={{ marginBottom: 12 }} data-testid="trip-locate">
          {loc.kind === 'locating' ? t('checkin.locating') : t('checkin.locate')}
        </Button>
        {fix && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('checkin.located', { accuracy: fix.accuracy })} description={t('checkin.coords', { lat: fix.latitude, lon: fix.longitude })} data-testid="trip-located" />}
        {loc.kind === 'failed' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('checkin.locationFailed')} data-testid="trip-locate-failed" />}
        <Form.Item name="place" label={t('checkin.place')} rules={[{ required: !fix, message: t('checkin.locationFailed') }, { max: 200 }]}>
          <Input size="large" placeholder={t('checkin.placeHolder')} data-testid="trip-place" />
        </Form.Item>
        <Form.Item name="work" label={t('checkin.work')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('checkin.workHolder')} data-testid="trip-work" />
        </Form.Item>
        <Button type="primary" size="large" block htmlType="submit" loading={checkIn.isPending} data-testid="trip-checkin-submit">
          {t('checkin.submit')}
        </Button>
      </Form>
    </Card>
  );
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
