import { redirect } from 'next/navigation';

/** /settings on its own opens the first settings page, as the settings nav lists them. */
export default function SettingsPage() {
  redirect('/settings/profile');
}
