/** The options page's site controls: the global pause switch and the list of sites where Fact Cards is off. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { hostFromInput } from '../../core/settings';
import { NoticeView, Section, type Notice } from './ui';

export function PauseSwitch({ paused, onChange }: { paused: boolean; onChange: (paused: boolean) => void }) {
  return (
    <button type="button" role="switch" class="fc-switch" aria-checked={paused} onClick={() => onChange(!paused)}>
      <span class="fc-switch-track" aria-hidden="true">
        <span class="fc-switch-thumb" />
      </span>
      <span class="fc-switch-label">{t('options_pause_switch')}</span>
    </button>
  );
}

export function SitesSection({
  disabled,
  onChange,
}: {
  disabled: string[];
  onChange: (host: string, enabled: boolean) => Promise<void>;
}) {
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const field = useRef<HTMLInputElement>(null);

  async function add(e: Event) {
    e.preventDefault();
    // Read the field itself: a submit can arrive before the last keystroke's re-render.
    const typed = field.current?.value ?? input;
    const host = hostFromInput(typed);
    if (host === null) {
      setNotice({ kind: 'error', text: t('options_site_invalid', typed.trim()) });
      return;
    }
    if (disabled.includes(host)) {
      setNotice({ kind: 'error', text: t('options_site_duplicate', host) });
      return;
    }
    setInput('');
    setNotice(null);
    await onChange(host, false);
    setNotice({ kind: 'ok', text: t('options_site_added', host) });
  }

  return (
    <Section id="sites" title={t('options_sites_title')}>
      <form class="fc-row" onSubmit={add} noValidate>
        <label for="fc-add-site">{t('options_site_add_label')}</label>
        <input
          id="fc-add-site"
          ref={field}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={input}
          aria-describedby="fc-add-site-notice"
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" class="fc-button">
          {t('options_site_add')}
        </button>
      </form>
      <div id="fc-add-site-notice">
        <NoticeView notice={notice} />
      </div>
      {disabled.length === 0 ? (
        <p class="fc-muted">{t('options_sites_empty')}</p>
      ) : (
        <ul class="fc-list" aria-label={t('options_sites_title')}>
          {disabled.map((host) => (
            <li key={host} class="fc-list-item">
              <span class="fc-list-name">{host}</span>
              <button
                type="button"
                class="fc-button"
                aria-label={t('options_site_remove_label', host)}
                onClick={async () => {
                  await onChange(host, true);
                  setNotice({ kind: 'ok', text: t('options_site_removed', host) });
                }}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
