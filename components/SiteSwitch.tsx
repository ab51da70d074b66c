/** The per-site on/off switch. Its accessible name comes from its visible text: "Enabled on <host>". */
import { t } from '../platform/i18n';

export interface SiteSwitchProps {
  host: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function SiteSwitch({ host, checked, onChange, disabled }: SiteSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="fc-switch"
      aria-checked={checked}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="fc-switch-track" aria-hidden="true">
        <span class="fc-switch-thumb" />
      </span>
      <span class="fc-switch-label">{t('popup_enabled_on', host)}</span>
    </button>
  );
}
