import type { SurveyDetail } from '@jixiao/contract';
import { Button, Card, Flex, InputNumber, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { surveyApi, useSurveyWrites } from '../../api/survey-queries.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export const answerLink = (slug: string) => `${window.location.origin}/s/${slug}`;

function save(href: string, filename: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.click();
}

/** 发放: the public link, its QR code (SVG and PNG, printable) and the one-time invitation codes. */
export function SurveyDistribution({ survey }: { survey: SurveyDetail }) {
  const { t } = useI18n();
  const link = answerLink(survey.slug);
  const [svg, setSvg] = useState('');
  const [count, setCount] = useState<number | null>(50);
  const writes = useSurveyWrites();

  useEffect(() => {
    void QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(setSvg);
  }, [link]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('surveys.link')}>
        <Typography.Paragraph copyable data-testid="survey-link">
          {link}
        </Typography.Paragraph>
        <div
          className="survey-qr"
          style={{ width: 220 }}
          role="img"
          aria-label={`${survey.title} ${link}`}
          // The SVG is generated here from our own link by the qrcode package, not user HTML.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: generated SVG of the survey link
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <Flex gap={8} wrap>
          <Button onClick={() => save(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, `${survey.title}二维码.svg`)}>
            {t('surveys.qrSvg')}
          </Button>
          <Button
            onClick={() => void QRCode.toDataURL(link, { width: 1024, margin: 2 }).then((url) => save(url, `${survey.title}二维码.png`))}
          >
            {t('surveys.qrPng')}
          </Button>
          <Button onClick={() => window.print()}>{t('surveys.print')}</Button>
        </Flex>
      </Card>
      <Card size="small" title={t('surveys.codes')}>
        <Typography.Paragraph>{t('surveys.codesUsed', { total: survey.codes.total, used: survey.codes.used })}</Typography.Paragraph>
        {writes.codes.error && <ApiErrorAlert error={writes.codes.error} />}
        <Flex gap={8} wrap align="center">
          {survey.permissions.distribute && (
            <>
              <InputNumber aria-label={t('surveys.codeCount')} min={1} max={5000} value={count} onChange={setCount} />
              <Button loading={writes.codes.isPending} onClick={() => count && writes.codes.mutate({ id: survey.id, count })}>
                {t('surveys.generateCodes')}
              </Button>
            </>
          )}
          <Button disabled={survey.codes.total === 0} onClick={() => void surveyApi.exportCodes(survey.id, survey.title)}>
            {t('surveys.downloadCodes')}
          </Button>
        </Flex>
      </Card>
    </Space>
  );
}
