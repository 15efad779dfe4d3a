// Messages in a table: to whom, what (and the files it carries), the state (with attempts) and the server's last answer; a
// failed or cancelled one can be sent again by those who send mail. The outbox screen and an
// estimate's Mail panel both show it.
import type { JSX } from 'preact';
import { api, ok } from '../../api/http.js';
import { act } from '../../ui/actions.js';
import { Button } from '../../ui/controls.js';
import { DateTime } from '../../ui/time.js';
import { MAIL_KINDS, MAIL_STATES, type MailSummary } from './mail.js';

export function MailTable({ mail, canSend, onChange, showSubject = true }: { mail: MailSummary[]; canSend: boolean; onChange: () => void; showSubject?: boolean }): JSX.Element {
  const resend = (m: MailSummary) => void act(() => ok(api.POST('/api/v1/mail/{mailId}/resend', { params: { path: { mailId: m.id } }, body: {} })), 'The message is queued again.').then(onChange);
  return (
    <table class="table mail-table">
      <thead>
        <tr>
          <th scope="col">To</th>
          {showSubject && <th scope="col">Subject</th>}
          <th scope="col" class="mail-state-column">
            State
          </th>
          <th scope="col">When</th>
          <th scope="col">Server's answer</th>
        </tr>
      </thead>
      <tbody>
        {mail.map((m) => (
          <tr key={m.id} class={`mail-${m.state}`}>
            <th scope="row" data-label="To">
              {m.toName ? `${m.toName} <${m.to}>` : m.to}
            </th>
            {showSubject && (
              <td data-label="Subject">
                {m.subject}
                <span class="muted"> · {MAIL_KINDS[m.kind]}</span>
                {m.attachments.length > 0 && (
                  <span class="muted mail-attachments" data-mail-attachments>
                    {' '}
                    · Attached: {m.attachments.map((a) => a.name).join(', ')}
                  </span>
                )}
              </td>
            )}
            <td data-label="State" class="mail-state-column">
              <span class={`mail-state mail-state-${m.state}`}>{MAIL_STATES[m.state]}</span>
              {m.attempts > 1 ? ` after ${m.attempts} attempts` : ''}
            </td>
            <td data-label="When">
              <DateTime iso={m.sentAt ?? m.createdAt} />
            </td>
            <td data-label="Server's answer">
              {m.error ?? '—'}
              {canSend && (m.state === 'failed' || m.state === 'cancelled') && (
                <div class="mail-resend">
                  <Button variant="ghost" onClick={() => resend(m)}>
                    Send again
                  </Button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
