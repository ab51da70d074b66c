/** Small pieces the options page's sections share: a titled section, a notice, reading a chosen file. */
import type { ComponentChildren } from 'preact';

/** A message under a section: `alert` for failures (read out at once), `status` for confirmations. */
export type Notice = { kind: 'error' | 'ok'; text: string; details?: string[] } | null;

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="fc-section" aria-labelledby={`fc-h-${id}`}>
      <h2 class="fc-section-title" id={`fc-h-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function NoticeView({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <div class={notice.kind === 'error' ? 'fc-error' : 'fc-ok'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.details && notice.details.length > 0 && (
        <ul class="fc-error-list">
          {notice.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The chosen file's text, or null when none; clears the input so choosing the same file again fires `change`. */
export async function takeFile(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  const text = await file.text();
  input.value = '';
  return { name: file.name, text };
}
