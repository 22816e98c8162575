import { randomUUID } from 'node:crypto';
import { expect, messages, send, signIn, test } from './support/fixtures';

// An iPhone-sized screen: the channel list is a drawer behind the "Channels" button.
test.use({ viewport: { width: 390, height: 844 } });

test('on a phone, the drawer opens, closes and switches channel, and chatting works', async ({ page }) => {
  await signIn(page, 'bob@spotter.dev');
  // The drawer button works once React has hydrated the page (a tap before that does nothing);
  // a connected socket means the app's scripts run. (CI once tapped first on a busy machine.)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  const toggle = page.getByRole('button', { name: 'Channels' });
  const channelList = page.getByRole('navigation', { name: 'Channels' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(channelList).toBeHidden();

  // Opening moves focus into the drawer; Escape closes it and gives focus back to the button.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(channelList).toBeVisible();
  await expect(page.locator(`#${await toggle.getAttribute('aria-controls')} :focus`)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(channelList).toBeHidden();
  await expect(toggle).toBeFocused();

  // Tapping the dimmed page beside the drawer closes it too.
  await toggle.click();
  await expect(channelList).toBeVisible();
  await page.mouse.click(370, 420);
  await expect(channelList).toBeHidden();

  // Choosing a channel goes there and closes the drawer.
  const target = page.url().endsWith('/c/leg-day')
    ? { slug: 'general', name: 'General' }
    : { slug: 'leg-day', name: 'Leg day' };
  await toggle.click();
  await channelList.getByRole('link', { name: target.name }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${target.slug}$`));
  await expect(channelList).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');

  const body = `Phone check-in ${randomUUID().slice(0, 8)}`;
  await send(page, target.slug, body);
  const sent = messages(page).filter({ hasText: body });
  await expect(sent).toHaveCount(1);
  await expect(sent).not.toHaveAttribute('data-pending', 'true');
  await expect(sent).toBeInViewport();
});
