import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '../../../../shared/contracts/visits';
import { errorDetail, errorMessage } from '../../../components/errors';
import { useFeedback } from '../../../components/feedback';
import { useVisitAction } from '../api';

/**
 * Check-in: the browser's position when the user allows it (navigator.geolocation), else a place
 * typed by hand. The time is the server's. Large touch targets for the phone.
 */
export function CheckInPanel({ visit }: { visit: VisitDetail }) {
  const { t } = useTranslation('visits');
  const { message } = useFeedback();
  const checkIn = useVisitAction(visit.id, 'check-in');
  const [locating, setLocating] = useState(false);
  const [manual, setManual] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [place, setPlace] = useState('');

  const send = async (body: { lat?: number; lng?: number; accuracy?: number; place?: string }) => {
    try {
      await checkIn.mutateAsync({ version: visit.version, ...body });
      void message.success(t('messages.checkedIn'));
    } catch (err) {
      void message.error([errorMessage(err, t), errorDetail(err, t)].filter(Boolean).join(': '));
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem(t('checkIn.geoUnavailable'));
      setManual(true);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        void send({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) });
      },
      (err) => {
        setLocating(false);
        setProblem(t('checkIn.geoDenied', { reason: err.message || String(err.code) }));
        setManual(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="visit-check-in">
      <Button type="primary" size="large" block icon={<EnvironmentOutlined />} loading={locating || checkIn.isPending} onClick={locate} data-testid="visit-check-in-geo">
        {locating ? t('actions.locating') : t('actions.checkIn')}
      </Button>
      {problem && <Alert type="warning" showIcon title={problem} />}
      {manual ? (
        <Flex vertical gap={8}>
          <Input size="large" value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('fields.place')} maxLength={300} data-testid="visit-check-in-place" />
          <Button size="large" block disabled={!place.trim()} loading={checkIn.isPending} onClick={() => void send({ place: place.trim() })} data-testid="visit-check-in-manual">
            {t('actions.checkInManual')}
          </Button>
        </Flex>
      ) : (
        <Button type="link" onClick={() => setManual(true)} data-testid="visit-check-in-show-manual">
          {t('actions.checkInManual')}
        </Button>
      )}
    </Flex>
  );
}
