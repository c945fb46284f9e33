import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Candidate, CandidatePage, FileOutcome, Job, ScoreExplanation } from '@shortlist/contracts';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's own reader, to check that an evidence snippet is words of the resume file it came from.
import { extractText } from '../../backend/src/modules/screening/extract-text';
import {
  assertPrerequisites,
  CHROMIUM,
  freePort,
  parseCsv,
  REPO_ROOT,
  startBackend,
  skipBrowserJourney,
  startSmtpCapture,
  type Backend,
  type CapturedMail,
} from './harness';

const SCREENSHOTS = path.join(REPO_ROOT, 'frontend', 'e2e', 'screenshots');
const RESUMES = path.join(REPO_ROOT, 'samples', 'resumes');
const JD_FILE = path.join(REPO_ROOT, 'samples', 'jds', 'senior-full-stack-engineer.txt');
const DS_JD_FILE = path.join(REPO_ROOT, 'samples', 'jds', 'data-scientist-ml-engineer.txt');
const DESKTOP = { width: 1440, height: 900 };
const MOBILE = { width: 375, height: 812 };

const user = { username: 'rita_recruiter', email: 'rita@example.com', password: 'first-password-123' };
const newPassword = 'second-password-456';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let backend: Backend;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let tmp: string;
const consoleErrors: string[] = [];

// Shared across the steps below, which run in order.
const axeStates: string[] = [];
let jobId = 0;
let resumeFiles: string[] = [];

/**
 * axe-core inside the page as it is now (injected through the DevTools protocol, so the app's CSP does not
 * apply); any serious or critical violation fails the step, named with its nodes.
 */
async function expectAccessible(state: string): Promise<void> {
  const violations = (await page.evaluate(`(async () => {
    if (!window.axe) { ${AXE_SOURCE} }
    // A colour mid-transition (a button turning primary) is not what anyone reads: let finite animations end.
    await Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)));
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  })()`)) as string[];
  axeStates.push(state);
  expect(violations, `axe on ${state}`).toEqual([]);
}

async function shoot(name: string): Promise<void> {
  await expectAccessible(`${name} at 1440`);
  // Full-page captures of a scrolled page leave the sticky header mid-image.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1440.png`), fullPage: true });
  await page.setViewportSize(MOBILE);
  try {
    // Let responsive layout and the chart's resize observer settle before capturing.
    await page.waitForTimeout(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: page wider than a 375 px phone`).toBeLessThanOrEqual(0);
    await expectAccessible(`${name} at 375`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-375.png`), fullPage: true });
  } finally {
    // A failed check must not leave the later steps on a phone-sized page.
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(200);
  }
}

/** One part of the page at 1440 and 375, cut from a full-page capture (so the sticky header stays at the top). */
async function shootPart(part: ReturnType<Page['locator']>, name: string): Promise<void> {
  for (const [viewport, width] of [[DESKTOP, 1440], [MOBILE, 375]] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await part.boundingBox();
    expect(box, `${name} is on the page`).not.toBeNull();
    if (box) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true, clip: box });
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(200);
}

async function waitForMail(to: string, subject: RegExp, already: number): Promise<CapturedMail> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const matching = smtp.mails.filter((mail) => mail.to.includes(to) && subject.test(mail.text));
    if (matching.length > already) {
      return matching[matching.length - 1] as CapturedMail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No email matching ${subject} reached ${to}; got ${smtp.mails.length} mails`);
}

function linkIn(mail: CapturedMail, route: string): string {
  const match = new RegExp(`${backend.url.replace(/[.]/g, '\\.')}/${route}\\?token=[^\\s"<>]+`).exec(
    mail.text,
  );
  if (!match) {
    throw new Error(`No ${route} link in the email:\n${mail.text}`);
  }
  return match[0];
}

async function apiGet<T>(url: string): Promise<T> {
  const token = await page.evaluate(() => localStorage.getItem('shortlist.token'));
  const response = await fetch(`${backend.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as T & { ok: boolean };
  expect(body.ok, `GET ${url}`).toBe(true);
  return body;
}

/** Each step reports its own console errors, then starts clean. */
function expectNoConsoleErrors(): void {
  const seen = consoleErrors.splice(0);
  expect(seen, 'browser console errors').toEqual([]);
}

beforeAll(async () => {
  if (skipBrowserJourney) {
    return;
  }
  assertPrerequisites();
  await mkdir(SCREENSHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'shortlist-e2e-'));
  smtp = await startSmtpCapture();
  const port = await freePort();
  backend = await startBackend({
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `sqlite://${tmp}/e2e.db`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: '',
    SMTP_PASS: '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'e2e-journey-secret-that-is-long-enough-0123456789',
    // Local extraction and no billing: the journey must pass on a fresh clone without accounts.
    GROQ_API_KEY: '',
    STRIPE_SECRET_KEY: '',
    STRIPE_WEBHOOK_SECRET: '',
    // Offline here: use a model only if one is provided, never try to download it.
    MODEL_ALLOW_DOWNLOAD: 'false',
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  resumeFiles = (await readdir(RESUMES))
    .filter((name) => /\.(pdf|docx|txt)$/i.test(name))
    .map((name) => path.join(RESUMES, name));
});

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
  await smtp?.close();
  if (tmp) {
    await rm(tmp, { recursive: true, force: true });
  }
});

describe.skipIf(skipBrowserJourney)('recruiter journey in a real browser', () => {
  it('signs up, verifies the email from the captured link, resets the password and logs in', async () => {
    await page.goto(`${backend.url}/signup`);
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Work email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await shoot('01-signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const verifyMail = await waitForMail(user.email, /verify-email/, 0);
    await page.goto(linkIn(verifyMail, 'verify-email'));
    await page.getByRole('link', { name: 'Continue to log in' }).waitFor();
    await shoot('02-verify-email');

    await page.goto(`${backend.url}/forgot-password`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a reset link is on its way/).waitFor();
    await shoot('03-forgot-password');
    const resetMail = await waitForMail(user.email, /reset-password/, 0);
    await page.goto(linkIn(resetMail, 'reset-password'));
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat new password').fill(newPassword);
    await shoot('04-reset-password');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('Your password has been changed.').waitFor();

    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Email or username').fill(user.email);
    await page.getByLabel('Password').fill(newPassword);
    await shoot('05-login');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${backend.url}/jobs`);
    await page.getByText('No screening jobs yet').waitFor();
    await shoot('06-jobs-empty');
    expectNoConsoleErrors();
  });

  it('creates a job from the sample JD and uploads every sample resume plus a corrupt file', async () => {
    await page.getByRole('link', { name: 'New job', exact: true }).first().click();
    await page.getByLabel('Job title').fill('Senior Full-Stack Engineer');
    await page.getByLabel('Description text').fill(await readFile(JD_FILE, 'utf8'));
    await shoot('07-new-job');
    await page.getByRole('button', { name: /Create job/ }).click();

    const broken = path.join(tmp, 'broken.pdf');
    await writeFile(broken, randomBytes(4096));
    const files = [...resumeFiles, broken];
    await page.locator('input[aria-label="Resume files"]').setInputFiles(files);
    const estimate = page.getByTestId('credit-estimate');
    await expect
      .poll(() => estimate.textContent())
      .toContain(`${files.length} files → ${files.length} credits, you have 50`);
    await shoot('08-upload-ready');

    await page.getByRole('button', { name: `Upload & screen ${files.length}` }).click();
    await page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll<HTMLElement>('[data-testid="upload-item"]')];
        return (
          items.length > 0 &&
          items.every((item) => ['accepted', 'rejected', 'failed'].includes(item.dataset.status ?? ''))
        );
      },
      undefined,
      { timeout: 120_000 },
    );
    const items = page.getByTestId('upload-item');
    expect(await items.count()).toBe(files.length);
    const brokenItem = items.filter({ hasText: 'broken.pdf' });
    expect(await brokenItem.getAttribute('data-status')).toBe('rejected');
    expect((await brokenItem.locator('p').textContent())?.length ?? 0).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="upload-item"][data-status="accepted"]').count()).toBe(
      resumeFiles.length,
    );
    await shoot('09-upload-outcomes');

    await page.getByRole('button', { name: /Open dashboard/ }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    jobId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(jobId).toBeGreaterThan(0);
    expectNoConsoleErrors();
  });

  it('shows the finished dashboard: cards, chart, table sorted by match with recommended rows marked, rejected file', async () => {
    await page.getByRole('heading', { name: 'Senior Full-Stack Engineer' }).waitFor();
    if (await page.getByRole('progressbar').isVisible()) {
      await shoot('10-dashboard-processing');
    }
    await page.getByText('Completed', { exact: true }).waitFor({ timeout: 240_000 });
    await expect
      .poll(() => page.getByTestId('candidate-row').count(), { timeout: 30_000 })
      .toBe(resumeFiles.length);

    let { candidates, shortlist_threshold: threshold } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    // New jobs review blind: nobody is named until a person shortlists them.
    expect(candidates.every((candidate) => candidate.is_identity_hidden && candidate.name === null)).toBe(true);
    // A journey needs someone recommended; if the calibrated default recommends nobody here (e.g. keyword-only
    // scoring), lower the threshold through the UI, which also exercises edit → re-score.
    if (!candidates.some((candidate) => (candidate.match_score ?? -1) >= threshold)) {
      const best = Math.floor(Math.max(...candidates.map((candidate) => candidate.match_score ?? 0)));
      await page.getByRole('button', { name: 'Edit & re-score' }).click();
      await page.getByLabel('Shortlist threshold (%)').fill(String(best));
      await page.getByRole('button', { name: 'Save & re-score' }).click();
      await page.getByText('Saved — candidates re-scored').waitFor();
      ({ candidates, shortlist_threshold: threshold } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`));
      expect(threshold).toBe(best);
    }

    const cardLabels = await page.locator('dl[aria-label="Summary"] dt').allTextContents();
    // Without Groq, Tokens Used and Cost are both 0 and fold into one card.
    expect(cardLabels).toEqual(['Tokens Used · Cost', 'Remaining Balance', 'Total Candidates']);
    const cardValues = await page.locator('dl[aria-label="Summary"] dd.text-xl').allTextContents();
    const { user: me } = await apiGet<{ user: { free_trial_remaining: number; paid_credits: number } }>('/auth/me');
    expect(cardValues[1]).toBe((me.free_trial_remaining + me.paid_credits).toLocaleString('en-US'));
    expect(cardValues[2]).toBe(String(candidates.length));
    expect(me.free_trial_remaining).toBe(50 - resumeFiles.length);

    const canvas = page.locator('canvas');
    expect(await canvas.count()).toBe(1);
    expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    const table = page.locator('table[aria-label="Candidates"]');
    const tableFit = await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0));
    expect(tableFit, 'the candidate table fits its card at 1440 px').toBeLessThanOrEqual(0);
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(300);
    const phoneFit = await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0));
    await page.setViewportSize(DESKTOP);
    expect(phoneFit, 'the candidate table needs no sideways scrolling at 375 px').toBeLessThanOrEqual(0);
    await canvas.screenshot({ path: path.join(SCREENSHOTS, 'chart-canvas.png') });
    const legend = await page.getByRole('list', { name: 'Score buckets' }).locator('li').allTextContents();
    expect(legend).toHaveLength(4);
    expect(legend.every((label) => / %/.test(label))).toBe(true);

    const shownScores = await page.getByTestId('match-score').allTextContents();
    const expectedScores = [...candidates]
      .sort((a, b) => (b.match_score ?? -1) - (a.match_score ?? -1))
      .map((candidate) => (candidate.match_score === null ? '—' : `${Math.round(candidate.match_score)} %`));
    expect(shownScores).toEqual(expectedScores);

    const recommended = candidates.filter((candidate) => (candidate.match_score ?? -1) >= threshold);
    expect(recommended.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="candidate-row"][data-above-threshold="true"]').count()).toBe(recommended.length);
    // The score only recommends: nobody is shortlisted until a person says so.
    await page.getByRole('button', { name: 'Export Shortlisted (0)' }).waitFor();

    const { files } = await apiGet<{ files: FileOutcome[] }>(`/jobs/${jobId}`);
    const brokenOutcome = files.find((file) => file.file_name === 'broken.pdf');
    expect(brokenOutcome?.outcome).toBe('rejected');
    const brokenRow = page.getByTestId('rejected-file').filter({ hasText: 'broken.pdf' });
    expect(await brokenRow.textContent()).toContain(brokenOutcome?.reason ?? '<no reason>');

    // A person shortlists the recommended candidates in one step: their names then appear.
    for (const candidate of recommended) {
      await page.getByRole('checkbox', { name: `Select Candidate #${candidate.id}` }).check();
    }
    await page.getByRole('region', { name: 'Selected candidates' }).getByLabel('Move to').selectOption('shortlisted');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: `Export Shortlisted (${recommended.length})` }).waitFor();
    await page.getByRole('region', { name: 'Selected candidates' }).waitFor({ state: 'detached' });
    ({ candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`));
    const named = candidates.filter((candidate) => candidate.stage === 'shortlisted');
    expect(named.map((candidate) => candidate.id).sort()).toEqual(recommended.map((candidate) => candidate.id).sort());
    expect(named.every((candidate) => candidate.name !== null && !candidate.is_identity_hidden)).toBe(true);

    const topRow = page.getByTestId('candidate-row').first();
    await topRow.getByRole('button', { name: /^Show details for / }).click();
    await page.getByRole('group', { name: 'Stage' }).waitFor();
    await page.getByTestId('score-parts').waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    await shoot('11-dashboard');
    await topRow.getByRole('button', { name: /^Hide details for / }).click();
    await page.getByRole('group', { name: 'Stage' }).waitFor({ state: 'detached' });
    expectNoConsoleErrors();
  });

  it('exports exactly the candidates a person shortlisted, as CSV and as Excel, with who decided', async () => {
    const { candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    const shortlisted = candidates.filter((candidate) => candidate.stage === 'shortlisted');
    const expectedEmails = shortlisted.map((candidate) => candidate.email ?? '').sort();

    const exportAs = async (format: RegExp) => {
      await page.getByRole('button', { name: /Export Shortlisted/ }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: format }).click(),
      ]);
      const target = path.join(tmp, download.suggestedFilename());
      await download.saveAs(target);
      return target;
    };

    const csvPath = await exportAs(/CSV/);
    expect(csvPath).toMatch(/\.csv$/);
    const csvText = await readFile(csvPath, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const [header = [], ...rows] = parseCsv(csvText.slice(1)).filter((row) => row.some((cell) => cell.trim() !== ''));
    expect(rows).toHaveLength(shortlisted.length);
    const csvEmailColumn = header.findIndex((cell) => /e-?mail/i.test(cell));
    expect(csvEmailColumn).toBeGreaterThanOrEqual(0);
    expect(rows.map((row) => row[csvEmailColumn] ?? '').sort()).toEqual(expectedEmails);
    const decidedBy = header.indexOf('Decided by');
    expect(rows.map((row) => row[decidedBy])).toEqual(rows.map(() => user.username));

    const xlsxPath = await exportAs(/Excel/);
    expect(xlsxPath).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    const sheetRows: string[][] = [];
    sheet?.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      sheetRows.push(values.map((value) => (value === null || value === undefined ? '' : String(value as string | number))));
    });
    const [xlsxHeader = [], ...xlsxRows] = sheetRows;
    expect(xlsxRows).toHaveLength(shortlisted.length);
    const xlsxEmailColumn = xlsxHeader.findIndex((cell) => /e-?mail/i.test(cell));
    expect(xlsxRows.map((row) => row[xlsxEmailColumn] ?? '').sort()).toEqual(expectedEmails);
    expectNoConsoleErrors();
  });

  it('turns away a resume already in the job as a duplicate, without spending a credit', async () => {
    const { user: before } = await apiGet<{ user: { free_trial_remaining: number } }>('/auth/me');
    await page.getByRole('button', { name: 'Add resumes' }).click();
    const uploader = page.locator('#add-resumes');
    await uploader.locator('input[aria-label="Resume files"]').setInputFiles(resumeFiles[0] as string);
    await uploader.getByRole('button', { name: 'Upload & screen 1' }).click();
    const item = uploader.getByTestId('upload-item');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('rejected');
    expect(await item.textContent()).toContain('duplicate');
    await expect.poll(() => page.getByTestId('rejected-file').count()).toBe(2);
    expect(await page.getByTestId('candidate-row').count()).toBe(resumeFiles.length);
    const { user: after } = await apiGet<{ user: { free_trial_remaining: number } }>('/auth/me');
    expect(after.free_trial_remaining).toBe(before.free_trial_remaining);
    expectNoConsoleErrors();
  });

  it('shows the evidence behind a score: each requirement with the resume line, and parts that add up to the Match %', async () => {
    await page.goto(`${backend.url}/jobs/${jobId}`);
    await page.getByRole('heading', { name: 'Senior Full-Stack Engineer' }).waitFor();
    const { candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    const top = candidates[0] as Candidate;
    const { explanation } = await apiGet<{ explanation: ScoreExplanation | null }>(`/jobs/${jobId}/candidates/${top.id}`);
    expect(explanation, 'the pipeline stores an explanation with every score').not.toBeNull();
    const evidenced = explanation?.requirements.filter((r) => r.is_met && r.evidence) ?? [];
    expect(evidenced.length).toBeGreaterThan(2);

    const row = page.locator(`[data-testid="candidate-row"][data-candidate-id="${top.id}"]`);
    await row.getByRole('button', { name: /^Show details for / }).click();
    const detail = page.locator(`#candidate-detail-${top.id}`);
    await detail.getByTestId('requirement-outcome').first().waitFor();
    // Every snippet shown is quoted as the resume's words, and those words are in the resume file.
    const file = resumeFiles.find((f) => path.basename(f) === top.file_name) as string;
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const resumeText = squash((await extractText({ fileName: path.basename(file), bytes: new Uint8Array(await readFile(file)) }, { maxFileSizeBytes: 8 << 20 })).text);
    for (const outcome of evidenced) {
      const quote = detail.locator(`[data-testid="requirement-outcome"][data-requirement="${outcome.label}"] [data-testid="requirement-evidence"]`);
      expect(await quote.textContent()).toBe(`The resume says: “${outcome.evidence}”`);
      expect(resumeText, `evidence for ${outcome.label}`).toContain(squash((outcome.evidence ?? '').replace(/^…|…$/g, '')));
    }
    const missing = explanation?.requirements.filter((r) => !r.is_met) ?? [];
    expect(await detail.locator('[data-testid="requirement-outcome"][data-met="false"]').count()).toBe(missing.length);
    // The parts table adds up to the Match % the row shows.
    const points = (await detail.getByTestId('part-points').allTextContents()).filter((t) => t !== '—').map(Number);
    const total = Number(await detail.getByTestId('points-total').textContent());
    expect(points.reduce((sum, p) => sum + p, 0).toFixed(1)).toBe(total.toFixed(1));
    expect(total).toBe(top.match_score);
    expect(await detail.getByTestId('score-arithmetic').textContent()).toBe(explanation?.arithmetic);
    await detail.getByTestId('occupation-fit').waitFor();
    // Ranked first: it says why it is above the second row.
    expect(await detail.getByTestId('rank-note').textContent()).toMatch(/^Ranking#1, above #2 \(.+\), because: .+/);
    await shoot('18-evidence');
    await shootPart(detail, '18-evidence-row');
    await row.getByRole('button', { name: /^Hide details for / }).click();
    expectNoConsoleErrors();
  });

  it('edits the requirements as chips and re-scores every candidate for free', async () => {
    const { job } = await apiGet<{ job: Job }>(`/jobs/${jobId}`);
    const requirements = job.requirements;
    expect(requirements, 'the JD was read into requirements').not.toBeNull();
    const { candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    const top = candidates[0] as Candidate;
    const { user: before } = await apiGet<{ user: { free_trial_remaining: number; paid_credits: number } }>('/auth/me');
    const balanceCard = page.locator('dl[aria-label="Summary"] dd.text-xl').nth(1);
    const balanceBefore = await balanceCard.textContent();

    await page.getByRole('button', { name: /^Job description & requirements/ }).click();
    const editor = page.getByTestId('requirement-editor');
    await editor.waitFor();
    const mustChips = editor.getByRole('list', { name: /^Must-haves/ }).getByTestId('requirement-chip');
    expect(await mustChips.count()).toBe(requirements?.requirements.filter((r) => r.kind === 'must').length);
    // "A or B" is one chip.
    const either =
      requirements?.requirements.find((r) => r.alternatives.includes('Redis')) ?? requirements?.requirements.find((r) => r.alternatives.length > 1);
    if (either) {
      expect(await editor.locator(`[data-requirement-id="${either.id}"] [data-testid="chip-label"]`).textContent()).toBe(either.alternatives.join(' or '));
    }
    await expectAccessible('requirement editor');

    // A must-have becomes a nice-to-have…
    const demoted = requirements?.requirements.find((r) => r.kind === 'must' && r.label === 'JavaScript') ?? requirements?.requirements.find((r) => r.kind === 'must');
    await editor.getByRole('button', { name: `Make ${demoted?.label} a nice-to-have` }).click();
    expect(await editor.locator(`[data-requirement-id="${demoted?.id}"]`).getAttribute('data-kind')).toBe('nice');
    // …a nice-to-have gets one more alternative, picked from the suggestions…
    if (either) {
      await editor.getByRole('button', { name: `Edit ${either.label}` }).click();
      const alternative = editor.getByRole('combobox', { name: new RegExp(`^Add an alternative to ${either.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
      await alternative.fill('rabbit');
      await editor.getByRole('option', { name: 'RabbitMQ' }).waitFor();
      await shoot('19-requirement-editor');
      await alternative.focus();
      await shootPart(editor, '19-requirement-editor-panel');
      await editor.getByRole('option', { name: 'RabbitMQ' }).click();
      await editor.getByRole('button', { name: 'Done' }).click();
    }
    // …and a skill nobody here has becomes a must-have; a skill the vocabulary does not know cannot.
    const add = editor.getByRole('combobox', { name: 'Add a requirement' });
    await add.fill('Quuxlang');
    await editor.getByText('No skill Shortlist knows matches “Quuxlang”.').waitFor();
    await editor.getByRole('button', { name: 'Add as must-have' }).click();
    await editor.getByText('“Quuxlang” is not a skill Shortlist knows — choose one of the suggestions.').waitFor();
    const { skills } = await apiGet<{ skills: string[] }>('/vocabulary/skills?q=cobol');
    const cobol = skills.find((s) => s.toLowerCase() === 'cobol') as string;
    expect(cobol).toBeDefined();
    await add.fill('cobol');
    await editor.getByRole('option', { name: cobol, exact: true }).click();
    expect(await editor.getByRole('list', { name: /^Must-haves/ }).getByTestId('chip-label').allTextContents()).toContain(cobol);
    await editor.getByText('Unsaved changes').waitFor();
    await expectAccessible('requirement editor with edits');

    await editor.getByRole('button', { name: 'Save & re-score' }).click();
    await page.getByText(/candidates re-scored for free — no resume was read again and no credits were spent/).waitFor({ timeout: 60_000 });
    const { job: saved } = await apiGet<{ job: Job }>(`/jobs/${jobId}`);
    expect(saved.requirements?.requirements.find((r) => r.alternatives.includes(cobol))).toMatchObject({ kind: 'must', source: 'recruiter' });
    expect(saved.requirements?.requirements.find((r) => r.id === demoted?.id)?.kind).toBe('nice');
    expect(saved.required_skills).toContain(cobol);

    // The candidate's Match % changed, the table shows the new one, and not one credit was spent.
    const after = (await apiGet<{ candidate: Candidate }>(`/jobs/${jobId}/candidates/${top.id}`)).candidate;
    expect(after.match_score).not.toBe(top.match_score);
    expect(after.missing_skills).toContain(cobol);
    const topRow = page.locator(`[data-testid="candidate-row"][data-candidate-id="${top.id}"]`);
    await expect.poll(() => topRow.getByTestId('match-score').textContent()).toBe(`${Math.round(after.match_score ?? 0)} %`);
    const { user: afterUser } = await apiGet<{ user: { free_trial_remaining: number; paid_credits: number } }>('/auth/me');
    expect(afterUser.free_trial_remaining + afterUser.paid_credits).toBe(before.free_trial_remaining + before.paid_credits);
    await expect.poll(() => balanceCard.textContent()).toBe(balanceBefore);
    // Its evidence follows the new requirements.
    await topRow.getByRole('button', { name: /^Show details for / }).click();
    await page.locator(`#candidate-detail-${top.id} [data-testid="requirement-outcome"][data-requirement="${cobol}"][data-met="false"]`).waitFor();
    await shoot('20-requirements-saved');
    await topRow.getByRole('button', { name: /^Hide details for / }).click();
    expectNoConsoleErrors();
  });

  it('compares two explained candidates: requirements with evidence, parts side by side, why one ranks first', async () => {
    const { candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    const [first, second] = candidates as [Candidate, Candidate];
    for (const candidate of [first, second]) {
      await page.locator(`[data-testid="candidate-row"][data-candidate-id="${candidate.id}"]`).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Compare 2 candidates' }).waitFor();
    const compared = page.getByRole('table', { name: 'Candidates compared' });
    const { job } = await apiGet<{ job: Job }>(`/jobs/${jobId}`);
    expect(await compared.getByTestId('compare-requirement').count()).toBe(job.requirements?.requirements.length);
    expect(await compared.locator('[data-testid="compare-outcome"] blockquote').count()).toBeGreaterThan(2);
    await compared.getByRole('rowheader', { name: 'Occupation', exact: true }).waitFor();
    expect(await page.getByTestId('compare-ranking').textContent()).toContain('ranks above');
    await shoot('21-compare-evidence');
    await page.getByRole('link', { name: '← Back to the candidates' }).click();
    await page.getByRole('heading', { name: 'Senior Full-Stack Engineer' }).waitFor();
    expectNoConsoleErrors();
  });

  it('flags a resume sent again as another file as a possible duplicate, without naming a hidden candidate', async () => {
    const { candidates } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    // The lowest-ranked candidate is still unnamed under blind review.
    const original = candidates[candidates.length - 1] as Candidate;
    expect(original.is_identity_hidden).toBe(true);
    const { candidate: revealed } = await apiGet<{ candidate: Candidate }>(`/jobs/${jobId}/candidates/${original.id}`);
    expect(revealed.name).toBeNull();
    const { files } = await apiGet<{ files: FileOutcome[] }>(`/jobs/${jobId}`);
    const sourceName = files.find((f) => f.candidate_id === original.id)?.file_name;
    const sourceFile = resumeFiles.find((f) => path.basename(f) === sourceName) as string;
    expect(sourceFile, 'the original resume file').toBeDefined();
    const { text } = await extractText({ fileName: path.basename(sourceFile), bytes: new Uint8Array(await readFile(sourceFile)) }, { maxFileSizeBytes: 8 << 20 });
    const person = path.basename(sourceFile).replace(/\.\w+$/, '').split('-').map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ');
    // The same resume as plain text with one line more: a new file (no byte-level duplicate), the same e-mail.
    const again = path.join(tmp, 'resume-again.txt');
    await writeFile(again, `${text}\nReferences available on request.\n`);

    await page.getByRole('button', { name: 'Add resumes' }).click();
    const uploader = page.locator('#add-resumes');
    await uploader.locator('input[aria-label="Resume files"]').setInputFiles(again);
    await uploader.getByRole('button', { name: 'Upload & screen 1' }).click();
    await expect.poll(() => uploader.getByTestId('upload-item').getAttribute('data-status'), { timeout: 30_000 }).toBe('accepted');
    const flagged = page.locator('[data-testid="candidate-row"]').filter({ has: page.getByTestId('duplicate-badge') });
    await expect.poll(() => flagged.count(), { timeout: 30_000 }).toBe(1);
    const badge = flagged.getByTestId('duplicate-badge');
    const { candidates: after } = await apiGet<CandidatePage>(`/jobs/${jobId}/candidates`);
    const duplicate = after.find((c) => c.duplicate_of !== null) as Candidate;
    expect(duplicate.duplicate_of).toBe(original.id);
    expect(await badge.textContent()).toBe(`Possible duplicate of Candidate #${original.id} · ${duplicate.duplicate_reason}`);
    expect(await badge.textContent()).not.toContain(person.split(' ')[1] ?? person);
    await shoot('22-possible-duplicate');
    await badge.getByRole('button', { name: `Go to the row of Candidate #${original.id}` }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-candidate-id'))).toBe(String(original.id));
    expectNoConsoleErrors();
  });

  it('reads the job progress stream in the browser, and follows it when the job is still running on load', async () => {
    const token = await page.evaluate(() => localStorage.getItem('shortlist.token'));
    const headers = { authorization: `Bearer ${token}` };
    const created = await fetch(`${backend.url}/jobs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Data Scientist', description: await readFile(DS_JD_FILE, 'utf8') }),
    });
    const { job } = (await created.json()) as { job: { id: number } };
    const form = new FormData();
    for (const file of resumeFiles) {
      form.append('files', new Blob([await readFile(file)]), path.basename(file));
    }
    const uploaded = await fetch(`${backend.url}/jobs/${job.id}/resumes`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(uploaded.status).toBe(200);

    const streamRequests: string[] = [];
    page.on('request', (request) => {
      // The stream itself (GET /jobs/{id}/events?ticket=…), not the ticket request that precedes it.
      if (request.method() === 'GET' && new URL(request.url()).pathname === `/jobs/${job.id}/events`) {
        streamRequests.push(request.url());
      }
    });
    const firstLoad = page.waitForResponse(
      (response) =>
        response.url() === `${backend.url}/jobs/${job.id}` && response.request().resourceType() === 'xhr',
    );
    await page.goto(`${backend.url}/jobs/${job.id}`);
    const { job: loaded } = (await (await firstLoad).json()) as { job: { status: string } };
    if (loaded.status === 'queued' || loaded.status === 'processing') {
      // Only a job still running when the page loads can be followed; then the stream must be opened.
      await expect.poll(() => streamRequests.length).toBeGreaterThan(0);
      // A one-job ticket in the URL, never the access token.
      expect(streamRequests[0]).toContain('ticket=');
      expect(streamRequests[0]).not.toContain(token ?? '');
      if (await page.getByRole('progressbar').isVisible()) {
        await page.screenshot({ path: path.join(SCREENSHOTS, '10-dashboard-processing-1440.png') });
      }
    }
    await page.getByText('Completed', { exact: true }).waitFor({ timeout: 240_000 });
    await expect
      .poll(() => page.getByTestId('candidate-row').count(), { timeout: 30_000 })
      .toBe(resumeFiles.length);
    console.log(
      `SSE check: dashboard opened while the job was ${loaded.status}; stream requests: ${streamRequests.length}`,
    );
    // The stream's contract as the hook reads it, from inside the page (CSP, ticket in the query, event name).
    const lastEvent = await page.evaluate(
      ({ id, accessToken }) =>
        new Promise<unknown>((resolve) => {
          void fetch(`/jobs/${id}/events/ticket`, {
            method: 'POST',
            headers: { authorization: `Bearer ${accessToken ?? ''}` },
          })
            .then((response) => response.json() as Promise<{ ticket: string }>)
            .then(({ ticket }) => {
              const source = new EventSource(`/jobs/${id}/events?ticket=${encodeURIComponent(ticket)}`);
              source.addEventListener('progress', (message) => {
                source.close();
                resolve(JSON.parse((message as MessageEvent<string>).data));
              });
              source.onerror = () => {
                source.close();
                resolve(null);
              };
            }, () => resolve(null));
        }),
      { id: job.id, accessToken: token },
    );
    expect(lastEvent).toEqual({
      job_id: job.id,
      status: 'completed',
      progress_done: resumeFiles.length,
      progress_total: resumeFiles.length,
    });
    expectNoConsoleErrors();
  });

  it('works a 5,000-candidate job: pages, search, filters, bulk stages, compare, a note, export of a selection, keyboard', async () => {
    const seeded = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed-workspace.ts', `--database-url=sqlite://${tmp}/e2e.db`, `--username=${user.username}`, '--count=5000', '--title=Platform Engineer (5,000 applicants)'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    const bigJob = (JSON.parse(seeded.trim().split('\n').pop() ?? '{}') as { job_id: number }).job_id;
    expect(bigJob).toBeGreaterThan(0);

    await page.goto(`${backend.url}/jobs/${bigJob}`);
    await page.getByRole('heading', { name: 'Platform Engineer (5,000 applicants)' }).waitFor();
    await page.getByText('Candidates (5,000)').waitFor();
    const rows = page.getByTestId('candidate-row');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByText('1–50 of 5,000').waitFor();
    // The table is above the fold at 1440×900: its first rows are on screen without scrolling.
    const firstRowBottom = ((await rows.nth(2).boundingBox())?.y ?? 9999) + ((await rows.nth(2).boundingBox())?.height ?? 0);
    expect(firstRowBottom, 'three candidate rows visible at 1440×900').toBeLessThan(DESKTOP.height);
    // Neighbours that show the same Match % say why one is first, from the scores the API sent.
    const firstPage = await apiGet<CandidatePage>(`/jobs/${bigJob}/candidates`);
    const tied = firstPage.candidates.findIndex((c, i) => i > 0 && Math.round(c.match_score ?? -1) === Math.round(firstPage.candidates[i - 1]?.match_score ?? -2));
    expect(tied, 'the seeded job has neighbours at the same Match %').toBeGreaterThan(0);
    const [upper, lower] = [firstPage.candidates[tied - 1] as Candidate, firstPage.candidates[tied] as Candidate];
    const tiedRow = rows.nth(tied);
    await tiedRow.getByTestId('tie-note').click();
    const reason = (await tiedRow.getByTestId('tie-reason').textContent()) ?? '';
    if (upper.match_score === lower.match_score) {
      expect(reason).toContain(`exactly ${upper.match_score?.toFixed(1)} %`);
    } else {
      expect(reason).toContain(`${upper.match_score?.toFixed(1)} % and this one ${lower.match_score?.toFixed(1)} %`);
    }
    await expectAccessible('big job, a tie explained');
    await page.keyboard.press('Escape');
    await tiedRow.getByTestId('tie-reason').waitFor({ state: 'detached' });
    await shoot('14-big-job');
    await page.setViewportSize(MOBILE);
    await page.waitForTimeout(300);
    const mobileRow = await rows.first().boundingBox();
    expect((mobileRow?.y ?? 9999) + (mobileRow?.height ?? 0), 'a candidate row visible at 375×812').toBeLessThan(MOBILE.height);
    const rowFit = await rows.first().evaluate((row) => row.scrollWidth - row.clientWidth);
    expect(rowFit, 'a row does not clip at 375 px').toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);

    // Keyboard: the skip link jumps past the 50 rows straight to the pagination.
    await page.getByRole('link', { name: 'Skip the table to pagination' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Pagination');
    // Per page, then Next (Previous is disabled on page 1, so not a tab stop).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('51–100 of 5,000').waitFor();

    const firstIdOnPage = () => rows.first().getAttribute('data-candidate-id');
    const beforeSort = await firstIdOnPage();
    await page.locator('[data-sort-key="experience"]').click();
    await expect.poll(firstIdOnPage).not.toBe(beforeSort);
    await page.getByText('1–50 of 5,000').waitFor();

    await page.getByRole('searchbox', { name: 'Search candidates' }).fill('kubernetes');
    await expect.poll(() => page.locator('[data-testid="candidate-table"][aria-busy="false"]').count()).toBe(1);
    const searched = await apiGet<CandidatePage>(`/jobs/${bigJob}/candidates?q=kubernetes&sort=experience`);
    await page.getByText(`Candidates (${searched.total.toLocaleString('en-US')} of 5,000)`).waitFor();
    expect(searched.total).toBeGreaterThan(50);
    await page.getByRole('searchbox', { name: 'Search candidates' }).fill('');
    await page.getByLabel('Match score').selectOption('90_100');
    const band = await apiGet<CandidatePage>(`/jobs/${bigJob}/candidates?band=90_100`);
    await page.getByText(`Candidates (${band.total.toLocaleString('en-US')} of 5,000)`).waitFor();
    await expectAccessible('big job filtered');

    // Three top candidates to To review in one step, then two compared side by side.
    const picked = band.candidates.slice(0, 3);
    await page.getByLabel('Match score').selectOption('');
    await page.getByLabel('Stage', { exact: true }).selectOption('new');
    await page.getByRole('button', { name: 'Skills & experience…' }).click();
    await page.getByLabel('Has skill').fill('Kubernetes');
    await page.getByLabel('Min years').fill('5');
    const filtered = await apiGet<CandidatePage>(`/jobs/${bigJob}/candidates?stage=new&has_skill=Kubernetes&min_years=5&sort=experience`);
    await page.getByText(`Candidates (${filtered.total.toLocaleString('en-US')} of 5,000)`).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Candidates (5,000)').waitFor();
    await page.getByLabel('Match score').selectOption('90_100');
    await page.locator('[data-sort-key="match"]').click();
    await expect.poll(firstIdOnPage).toBe(String(picked[0]?.id));
    for (const candidate of picked) {
      await page.getByRole('checkbox', { name: `Select Candidate #${candidate.id}` }).check();
    }
    await page.getByRole('region', { name: 'Selected candidates' }).getByLabel('Move to').selectOption('to_review');
    await shoot('15-big-job-selection');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('3 moved to To review').waitFor();
    await page.getByRole('region', { name: 'Selected candidates' }).waitFor({ state: 'detached' });
    const reviewed = await apiGet<CandidatePage>(`/jobs/${bigJob}/candidates?stage=to_review`);
    expect(reviewed.candidates.map((c) => c.id).sort()).toEqual(picked.map((c) => c.id).sort());

    await page.getByRole('checkbox', { name: `Select Candidate #${picked[0]?.id}` }).check();
    await page.getByRole('checkbox', { name: `Select Candidate #${picked[1]?.id}` }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Compare 2 candidates' }).waitFor();
    const compared = page.getByRole('table', { name: 'Candidates compared' });
    expect(await compared.getByRole('columnheader').allTextContents()).toHaveLength(3);
    await compared.getByRole('rowheader', { name: 'Kubernetes' }).waitFor();
    await compared.getByRole('rowheader', { name: 'Skill coverage' }).waitFor();
    await shoot('16-compare');
    await page.getByRole('link', { name: '← Back to the candidates' }).click();

    // A note on one candidate, shown in their history with who wrote it.
    const row = page.locator(`[data-testid="candidate-row"][data-candidate-id="${picked[0]?.id}"]`);
    await page.getByLabel('Match score').selectOption('90_100');
    await row.getByRole('button', { name: /^Show details for / }).click();
    await page.getByLabel('Add a note').fill('Strong platform background — call first.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added').waitFor();
    const history = page.getByRole('list', { name: 'History' }).getByTestId('history-entry');
    await expect.poll(() => history.first().textContent()).toContain('Strong platform background — call first.');
    expect(await history.first().textContent()).toContain(user.username);
    expect(await history.nth(1).textContent()).toContain('To review');
    await shoot('17-big-job-history');

    // Export of a selection: the three reviewed candidates, still unnamed under blind review.
    for (const candidate of picked) {
      await page.getByRole('checkbox', { name: `Select Candidate #${candidate.id}` }).check();
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const target = path.join(tmp, download.suggestedFilename());
    await download.saveAs(target);
    const [exportHeader = [], ...exported] = parseCsv((await readFile(target, 'utf8')).slice(1)).filter((r) => r.some((cell) => cell !== ''));
    expect(exported).toHaveLength(3);
    expect(exported.map((r) => r[exportHeader.indexOf('Stage')])).toEqual(['To review', 'To review', 'To review']);
    expect(exported.map((r) => r[exportHeader.indexOf('Name')])).toEqual(['', '', '']);
    expect(axeStates.length).toBeGreaterThan(20);
    expectNoConsoleErrors();
  });

  it('shows the jobs list and billing pages', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('link', { name: /Senior Full-Stack Engineer/ }).waitFor();
    await shoot('12-jobs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Buy credits' }).waitFor();
    await shoot('13-billing');
    expectNoConsoleErrors();
  });

  it('opens the app on a reload of a deep link (dashboard, billing)', async () => {
    await page.goto(`${backend.url}/jobs/${jobId}`);
    await page.getByRole('heading', { name: 'Senior Full-Stack Engineer' }).waitFor({ timeout: 15_000 });
    await page.goto(`${backend.url}/billing`);
    await page.getByRole('heading', { name: 'Buy credits' }).waitFor({ timeout: 15_000 });
    expectNoConsoleErrors();
  });
});
