/** Said at a field that has reached its limit: the browser kept what fits and dropped the rest of the input. */
import { useTranslation } from 'react-i18next';

export function LimitNote({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  if (length < max) return null;
  return (
    <p className="limit-note" role="status">
      {t('limits.reached', { max })}
    </p>
  );
}
