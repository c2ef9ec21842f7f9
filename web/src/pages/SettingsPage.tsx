import { useEffect } from 'preact/hooks';
import type { Action } from '../auth.js';
import { useAuth } from '../components/AuthProvider.js';
import type { LiveSnapshot } from '../live.js';
import { SETTINGS_SECTIONS, type SettingsSection } from '../router.js';
import { AccountsSection } from './settings/AccountsSection.js';
import { AuditSection } from './settings/AuditSection.js';
import { TokensSection } from './settings/TokensSection.js';
import { UsersSection } from './settings/UsersSection.js';

/** What a role needs to see each section; the server answers 403 anyway. */
const NEEDS: Record<SettingsSection, Action> = {
  accounts: 'view-settings',
  users: 'manage-users',
  tokens: 'manage-tokens',
  audit: 'view-audit',
};

export function SettingsPage({ snap, section }: { snap: LiveSnapshot; section: SettingsSection }) {
  const { can } = useAuth();
  const visible = SETTINGS_SECTIONS.filter((s) => can(NEEDS[s.section]));
  const current = SETTINGS_SECTIONS.find((s) => s.section === section);

  useEffect(() => {
    document.title = `${current?.title ?? 'Settings'} — Settings — cmon`;
  }, [current]);

  let body = null;
  if (!can(NEEDS[section])) {
    body = (
      <p class="outcome outcome-error" role="alert">
        Your role cannot see this page. Ask an admin if you need it.
      </p>
    );
  } else if (section === 'accounts') body = <AccountsSection snap={snap} />;
  else if (section === 'users') body = <UsersSection />;
  else if (section === 'tokens') body = <TokensSection />;
  else body = <AuditSection />;

  return (
    <div class="settings">
      <h1>Settings</h1>
      {visible.length > 1 && (
        <nav class="settings-nav" aria-label="Settings sections">
          {visible.map((s) => (
            <a key={s.section} href={s.path} aria-current={s.section === section ? 'page' : undefined}>
              {s.title}
            </a>
          ))}
        </nav>
      )}
      {body}
    </div>
  );
}
