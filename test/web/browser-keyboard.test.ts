// The web app with the keyboard alone, in real Chromium: sign in, skip to content, add a contact,
// open it, ask to delete it and take the question back with Escape, then delete it — no mouse
// click anywhere, and every element that takes focus on the way shows a visible focus ring.
import t from 'tap';
import type { Page } from 'playwright-core';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { tenantDb } from '../../src/tenancy/context.js';
import { chromiumMissing, launchChromium, startGoogleSignInApp } from '../helpers/browser.js';
import { openPage, settle } from '../helpers/web-app.js';

interface Focused {
  tag: string;
  name: string;
  ring: boolean;
}

/** The focused element: its tag, its name, and whether a focus ring is drawn (ours: 2 px or more; `auto`: the browser's own). */
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', ring: false };
    const style = getComputedStyle(el);
    const labelled = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
    const name = (el.getAttribute('aria-label') || (labelled && labelled.textContent) || el.textContent || el.getAttribute('placeholder') || '').trim();
    return { tag: el.tagName.toLowerCase(), name, ring: style.outlineStyle === 'auto' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) };
  })()`);

if (chromiumMissing && process.env.CI === 'true') {
  t.fail(`the keyboard test cannot run in CI: it ${chromiumMissing}`);
} else {
  t.test('keyboard only: sign in, skip to content, add, open and delete a contact, with a visible focus ring at every stop', { skip: chromiumMissing ?? false }, async (t) => {
    const { api, base } = await startGoogleSignInApp(t);
    const acme = createTenant(api.runtime, { name: 'Acme Roofing', adminEmail: 'ann@acme.example' });
    const names = () => api.runtime.tenancy.run(acme.id, { actor: null, requestId: null }, () => tenantDb().statement('SELECT name FROM contacts').pluck().all() as string[]);
    const browser = await launchChromium(t);
    const { page, problems } = await openPage(browser, base);
    const withoutRing: string[] = [];

    /** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after 40 stops. */
    const tabTo = async (name: RegExp, backwards = false): Promise<void> => {
      for (let stop = 0; stop < 40; stop++) {
        await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
        const now = await focused(page);
        if (now.tag !== 'body' && !now.ring) withoutRing.push(`${now.tag} “${now.name}”`);
        if (name.test(now.name)) return;
      }
      throw new Error(`no focusable element named ${name} within 40 Tab presses (last: ${JSON.stringify(await focused(page))})`);
    };

    // Sign in: the provider link, then the person on the development provider's page.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Spinney' }).waitFor();
    await tabTo(/Sign in with Google/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /ann@acme\.example/ }).waitFor();
    await tabTo(/ann@acme\.example/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    t.pass('signed in with the keyboard');

    // The first Tab on a freshly loaded page is the skip link, shown on the screen while focused.
    await page.reload();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    t.equal(skip.name, 'Skip to content', 'the first stop is "Skip to content"');
    const box = await page.locator('.skip-link').boundingBox();
    t.ok(box && box.y >= 0, 'and it is on the screen while focused');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'main', 'Enter moves focus to the main content');

    // Add a contact: the link, the fields, Enter submits.
    await tabTo(/^New contact$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New contact' }).waitFor();
    await tabTo(/^Name/);
    await page.keyboard.type('Keyboard Kim');
    await tabTo(/^Email/);
    await page.keyboard.type('kim@keys.example');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard Kim', level: 1 }).waitFor();
    t.same(names(), ['Keyboard Kim'], 'Enter in the form saved the contact');

    // Delete: the dialog takes focus, Escape takes the question back and returns focus, then delete.
    await tabTo(/^Delete$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Delete Keyboard Kim?' });
    await dialog.waitFor();
    t.ok(await page.evaluate('!!document.activeElement && !!document.activeElement.closest("dialog")'), 'focus moved into the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus comes back when the dialog's owner re-renders, which may be a frame after the dialog is gone.
    t.equal((await settle(() => focused(page), (f) => f.name === 'Delete')).name, 'Delete', 'Escape closed it and focus went back to Delete');
    t.same(names(), ['Keyboard Kim'], 'nothing was deleted');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(/^Delete contact$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    t.same(names(), [], 'confirmed from the keyboard, the contact is deleted');

    t.same(withoutRing, [], 'every element that took focus drew a visible focus ring');
    t.same(problems, [], 'no console errors or CSP violations');
  });
}
